using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Identity;

/// <summary>
/// <c>POST /dev/token</c> with <c>{ "email", "password" }</c> returns a token from the development
/// issuer for a user of this database. Mapped only when the development issuer is the one in use.
/// </summary>
public static class DevelopmentTokenEndpoint
{
    public sealed record TokenRequest([property: Required] string Email, [property: Required] string Password);

    public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

    public static IEndpointRouteBuilder MapDevelopmentTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/dev/token", IssueAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> IssueAsync(
        TokenRequest request,
        IDbContextFactory<WorkoutDb> dbFactory,
        DevelopmentTokenIssuer issuer,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "email and password are required");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var email = request.Email.Trim();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user?.PasswordHash is null ||
            new PasswordHasher<User>().VerifyHashedPassword(user, user.PasswordHash, request.Password) == PasswordVerificationResult.Failed)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "unknown email or wrong password");
        }

        var token = issuer.Mint(user);
        return Results.Ok(new TokenResponse(token.AccessToken, "Bearer", (int)(token.ExpiresAt - clock.GetUtcNow()).TotalSeconds));
    }
}
