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
/// an access token and a new single-use refresh token.
/// </summary>
public static class DevelopmentTokenEndpoint
{
    public sealed record TokenRequest(string? Email, string? Password, string? RefreshToken);

    public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, int RefreshExpiresIn);

    public static IEndpointRouteBuilder MapDevelopmentTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/dev/token", IssueAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> IssueAsync(
        TokenRequest request,
        IDbContextFactory<WorkoutDb> dbFactory,
        DevelopmentTokenIssuer issuer,
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
            var email = request.Email.Trim();
            user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
            if (user?.PasswordHash is null ||
                new PasswordHasher<User>().VerifyHashedPassword(user, user.PasswordHash, request.Password) == PasswordVerificationResult.Failed)
            {
                user = null;
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
