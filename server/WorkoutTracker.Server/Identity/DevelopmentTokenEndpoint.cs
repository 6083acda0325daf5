using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Identity;

/// <summary>
/// <c>POST /dev/token</c>, the development issuer's token endpoint (mapped only when it is the issuer in
/// use). Sign in with <c>{ "email", "password" }</c>, or redeem <c>{ "refreshToken" }</c>; either answers
/// an access token and a new single-use refresh token. <c>POST /dev/revoke</c> revokes a refresh token (RFC 7009).
/// </summary>
public static class DevelopmentTokenEndpoint
{
    public sealed record TokenRequest(string? Email, string? Password, string? RefreshToken);

    public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, int RefreshExpiresIn);

    public static IEndpointRouteBuilder MapDevelopmentTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/dev/token", IssueAsync).AllowAnonymous();
        endpoints.MapPost("/dev/revoke", RevokeAsync).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    /// <summary>
    /// <c>POST /dev/revoke</c>, token revocation as RFC 7009 describes it: a form with <c>token</c> (and an
    /// optional <c>token_type_hint</c>). A refresh token is deleted, so it can no longer be redeemed; the answer
    /// is 200 whether or not the token was valid (§2.2), so it tells nothing about the token. Access tokens are
    /// self-contained and short-lived: they are not tracked, and asking to revoke one also answers 200.
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
        await db.DevelopmentRefreshTokens.Where(t => t.TokenHash == hash).ExecuteDeleteAsync(cancellationToken);
        return Results.Ok();
    }

    /// <summary>RFC 6749 §5.2 error response, as RFC 7009 §2.2.1 asks.</summary>
    private static IResult RevocationError(string error, string description) =>
        Results.Json(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }, statusCode: StatusCodes.Status400BadRequest);

    private static async Task<IResult> IssueAsync(
        TokenRequest request,
        HttpContext context,
        IDbContextFactory<WorkoutDb> dbFactory,
        DevelopmentTokenIssuer issuer,
        SignInThrottle throttle,
        IPasswordHasher<User> hasher,
        IOptions<DevelopmentIssuerOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        User? user;
        if (!string.IsNullOrEmpty(request.RefreshToken))
        {
            user = await RedeemAsync(db, request.RefreshToken, clock.GetUtcNow(), cancellationToken);
        }
        else if (!string.IsNullOrWhiteSpace(request.Email) && !string.IsNullOrEmpty(request.Password))
        {
            var address = context.Connection.RemoteIpAddress;
            if (throttle.Check(request.Email, address) is { } wait)
            {
                return TooManyAttempts(context, wait);
            }

            var email = request.Email.Trim();
            user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
            if (!VerifyPassword(hasher, user, request.Password))
            {
                throttle.Failed(request.Email, address);
                user = null;
            }
            else
            {
                throttle.Succeeded(request.Email);
            }
        }
        else
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "send email and password, or a refreshToken");
        }

        if (user is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "unknown or expired credentials");
        }

        var now = clock.GetUtcNow();
        var refreshToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var refreshLifetime = options.Value.RefreshTokenLifetime;
        db.DevelopmentRefreshTokens.Add(new DevelopmentRefreshToken { TokenHash = Hash(refreshToken), UserId = user.Id, ExpiresAt = now + refreshLifetime });
        await db.DevelopmentRefreshTokens.Where(t => t.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var token = issuer.Mint(user);
        return Results.Ok(new TokenResponse(
            token.AccessToken, "Bearer", (int)(token.ExpiresAt - now).TotalSeconds, refreshToken, (int)refreshLifetime.TotalSeconds));
    }

    /// <summary>
    /// Checks the password against the user's hash, or against a dummy hash when there is no such user (or it
    /// has no password), so an unknown email costs the same work, and so the same time, as a wrong password.
    /// </summary>
    private static bool VerifyPassword(IPasswordHasher<User> hasher, User? user, string password)
    {
        var verified = user?.PasswordHash is { } hash
            ? hasher.VerifyHashedPassword(user, hash, password)
            : hasher.VerifyHashedPassword(DummyAccount.User, DummyAccount.Hash, password);
        return user?.PasswordHash is not null && verified != PasswordVerificationResult.Failed;
    }

    private static IResult TooManyAttempts(HttpContext context, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: $"Too many failed sign-ins; try again in {seconds} s.");
    }

    /// <summary>A hash of a random password nobody knows, made once with the same hasher settings as real ones.</summary>
    private static class DummyAccount
    {
        public static readonly User User = new() { Id = Guid.Empty, DisplayName = "", Role = UserRole.Athlete };

        public static readonly string Hash = new PasswordHasher<User>().HashPassword(User, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    /// <summary>Deletes the refresh token (single use) and returns its user, if it was valid.</summary>
    private static async Task<User?> RedeemAsync(WorkoutDb db, string refreshToken, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hash = Hash(refreshToken);
        var userIds = await db.Database.SqlQuery<Guid>($"""
            DELETE FROM dev_refresh_tokens WHERE token_hash = {hash} AND expires_at > {now} RETURNING user_id AS "Value"
            """).ToListAsync(cancellationToken);
        return userIds is [var userId] ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) : null;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
