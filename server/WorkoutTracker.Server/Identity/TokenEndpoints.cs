using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Identity;

/// <summary>
/// The token issuer's endpoints for local accounts. <c>POST /account/token</c>: sign in with
/// <c>{ "email", "password" }</c> or redeem <c>{ "refreshToken" }</c>; either answers a short-lived access
/// token and a new single-use refresh token of the same family. <c>POST /account/revoke</c> revokes a refresh
/// token's family (RFC 7009). In Development and Testing the same endpoints also answer at <c>/dev/token</c>
/// and <c>/dev/revoke</c>, the names the README's demo commands use.
/// </summary>
public static partial class TokenEndpoints
{
    public const string SignInRateLimit = "sign-in";

    public sealed record TokenRequest(string? Email, string? Password, string? RefreshToken);

    public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, int RefreshExpiresIn);

    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder endpoints, bool development)
    {
        endpoints.MapPost("/account/token", IssueAsync).AllowAnonymous().RequireRateLimiting(SignInRateLimit);
        endpoints.MapPost("/account/revoke", RevokeAsync).AllowAnonymous().DisableAntiforgery();
        if (development)
        {
            endpoints.MapPost("/dev/token", IssueAsync).AllowAnonymous().RequireRateLimiting(SignInRateLimit);
            endpoints.MapPost("/dev/revoke", RevokeAsync).AllowAnonymous().DisableAntiforgery();
        }

        return endpoints;
    }

    /// <summary>
    /// Token revocation as RFC 7009 describes it: a form with <c>token</c> (and an optional <c>token_type_hint</c>).
    /// The refresh token's whole family is deleted (the session it belongs to ends); the answer is 200 whether or
    /// not the token was valid (§2.2), so it tells nothing about the token. Access tokens are self-contained and
    /// short-lived: they are not tracked, and asking to revoke one also answers 200.
    /// </summary>
    private static async Task<IResult> RevokeAsync(HttpRequest request, IDbContextFactory<WorkoutDb> dbFactory, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return RevocationError("invalid_request", "Send application/x-www-form-urlencoded with a 'token'.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (form["token"] is not [{ Length: > 0 } token])
        {
            return RevocationError("invalid_request", "The 'token' parameter is required, once.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = Hash(token);
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM refresh_tokens WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = {hash})", cancellationToken);
        return Results.Ok();
    }

    /// <summary>RFC 6749 §5.2 error response, as RFC 7009 §2.2.1 asks.</summary>
    private static IResult RevocationError(string error, string description) =>
        Results.Json(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }, statusCode: StatusCodes.Status400BadRequest);

    private static async Task<IResult> IssueAsync(
        TokenRequest request,
        HttpContext context,
        IDbContextFactory<WorkoutDb> dbFactory,
        UserManager<User> users,
        TokenIssuer issuer,
        SignInThrottle throttle,
        TimeProvider clock,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(request.RefreshToken))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var (user, family) = await RedeemAsync(db, request.RefreshToken, clock.GetUtcNow(), loggers.CreateLogger(typeof(TokenEndpoints)), cancellationToken);
            return user is null
                ? Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "unknown, used or expired refresh token")
                : Results.Ok(await issuer.IssueAsync(user, family, cancellationToken));
        }

        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "send email and password, or a refreshToken");
        }

        var address = context.Connection.RemoteIpAddress;
        if (throttle.Check(request.Email, address) is { } wait)
        {
            return TooManyAttempts(context, wait);
        }

        var outcome = await CheckPasswordAsync(users, request.Email, request.Password);
        switch (outcome)
        {
            case (SignInOutcome.LockedOut, _, var until):
                return TooManyAttempts(context, until - clock.GetUtcNow());
            case (SignInOutcome.Failed, _, _):
                throttle.Failed(request.Email, address);
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "unknown or expired credentials");
            default:
                throttle.Succeeded(request.Email);
                return Results.Ok(await issuer.IssueAsync(outcome.User!, family: null, cancellationToken));
        }
    }

    public enum SignInOutcome
    {
        Succeeded,
        Failed,
        LockedOut,
    }

    /// <summary>
    /// Identity's password check with lockout: a locked account is refused before its password is read; a wrong
    /// password counts a failure (the <see cref="LocalAccountsOptions.MaxFailedSignIns"/>th locks the account);
    /// a right one clears the count. An unknown email costs the same hashing work as a wrong password, so the
    /// time of the answer does not tell whether an account exists.
    /// </summary>
    public static async Task<(SignInOutcome Outcome, User? User, DateTimeOffset LockedUntil)> CheckPasswordAsync(
        UserManager<User> users, string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user?.PasswordHash is null)
        {
            users.PasswordHasher.VerifyHashedPassword(DummyAccount.User, DummyAccount.Hash, password);
            return (SignInOutcome.Failed, null, default);
        }

        if (await users.IsLockedOutAsync(user))
        {
            return (SignInOutcome.LockedOut, user, user.LockoutEnd ?? default);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user)
                ? (SignInOutcome.LockedOut, user, user.LockoutEnd ?? default)
                : (SignInOutcome.Failed, null, default);
        }

        if (user.AccessFailedCount > 0)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        return (SignInOutcome.Succeeded, user, default);
    }

    public static IResult TooManyAttempts(HttpContext context, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: $"Too many failed sign-ins; try again in {seconds} s.",
            extensions: new Dictionary<string, object?> { ["code"] = "TOO_MANY_ATTEMPTS", ["retryAfter"] = seconds });
    }

    /// <summary>A hash of a random password nobody knows, made once with the same hasher settings as real ones.</summary>
    private static class DummyAccount
    {
        public static readonly User User = new() { Id = Guid.Empty, DisplayName = "", Role = UserRole.Athlete };

        public static readonly string Hash = new PasswordHasher<User>().HashPassword(User, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    /// <summary>
    /// Marks the refresh token used and returns its user, if it was valid and unused. A token that was already
    /// used is a replay (the family leaked): every token of its family is deleted and a warning logged.
    /// </summary>
    private static async Task<(User? User, Guid Family)> RedeemAsync(WorkoutDb db, string refreshToken, DateTimeOffset now, ILogger logger, CancellationToken cancellationToken)
    {
        var hash = Hash(refreshToken);
        var redeemed = await db.Database.SqlQuery<RedeemedToken>($"""
            UPDATE refresh_tokens SET used_at = {now}
            WHERE token_hash = {hash} AND used_at IS NULL AND expires_at > {now}
            RETURNING user_id, family_id
            """).ToListAsync(cancellationToken);
        if (redeemed is not [var token])
        {
            var reused = await db.Database.SqlQuery<RedeemedToken>($"""
                DELETE FROM refresh_tokens WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = {hash} AND used_at IS NOT NULL)
                RETURNING user_id, family_id
                """).ToListAsync(cancellationToken);
            if (reused is [var first, ..])
            {
                LogReuse(logger, first.UserId, first.FamilyId);
            }

            return (null, default);
        }

        return (await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == token.UserId, cancellationToken), token.FamilyId);
    }

    private sealed record RedeemedToken(Guid UserId, Guid FamilyId);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    [LoggerMessage(LogLevel.Warning, "A used refresh token was presented again for user {UserId}: its family {FamilyId} is revoked (a copy of it leaked)")]
    private static partial void LogReuse(ILogger logger, Guid userId, Guid familyId);
}
