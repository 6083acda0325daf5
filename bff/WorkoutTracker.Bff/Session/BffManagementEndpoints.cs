using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.JsonWebTokens;
using WorkoutTracker.Bff.Security;

namespace WorkoutTracker.Bff.Session;

/// <summary>
/// <c>/bff/login</c>, <c>/bff/logout</c> and <c>/bff/user</c> (Duende BFF's management endpoints). Each
/// needs the anti-forgery header; only the Entra ID sign-in (a browser navigation) does not.
/// </summary>
public static class BffManagementEndpoints
{
    public sealed record LoginRequest(string? Email, string? Password);

    public sealed record UserClaim(string Type, string Value);

    /// <summary>The signed-in user: <c>sub</c>, <c>name</c>, <c>role</c>, every claim, and when the session ends unless used.</summary>
    public sealed record UserResponse(string? Sub, string? Name, string Role, IReadOnlyList<UserClaim> Claims, DateTimeOffset? ExpiresAt);

    public static WebApplication MapBffManagementEndpoints(this WebApplication app)
    {
        var bff = app.MapGroup("/bff").RequireBffApiChecks().RequireRateLimiting(RateLimitingExtensions.PolicyName);
        if (app.Configuration.UsesEntraId())
        {
            // A navigation (GET /bff/login?returnUrl=/playground/): OpenID Connect through Microsoft.Identity.Web.
            app.MapGet("/bff/login", (string? returnUrl) => Results.Challenge(
                    new AuthenticationProperties { RedirectUri = LocalOrRoot(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]))
                .RequireRateLimiting(RateLimitingExtensions.PolicyName);
        }
        else
        {
            bff.MapPost("/login", DevelopmentLoginAsync);
        }

        bff.MapPost("/logout", (Delegate)LogoutAsync);
        bff.MapGet("/user", (Delegate)UserAsync);
        return app;
    }

    /// <summary>
    /// Signs in through the server's development issuer: the tokens stay in the server-side session, the
    /// response sets only the session cookie. 401 for wrong credentials.
    /// </summary>
    private static async Task<IResult> DevelopmentLoginAsync(LoginRequest request, HttpContext context, AccountClient tokens, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Send an email and a password.");
        }

        SessionTokens? issued;
        try
        {
            issued = await tokens.SignInAsync(request.Email, request.Password, context.Connection.RemoteIpAddress, cancellationToken);
        }
        catch (SignInThrottledException throttled)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(throttled.RetryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: $"Too many failed sign-ins; try again in {seconds} s.");
        }

        if (issued is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong email or password.");
        }

        // The BFF got this token straight from the server: its claims name the user (no validation needed here).
        var jwt = new JsonWebToken(issued.AccessToken);
        var identity = new ClaimsIdentity(
            jwt.Claims.Where(c => c.Type is BffClaims.Subject or BffClaims.Name or BffClaims.Role).Select(c => new Claim(c.Type, c.Value)),
            "workouttracker-dev",
            BffClaims.Name,
            BffClaims.Role);
        var properties = new AuthenticationProperties { IsPersistent = true };
        issued.StoreIn(properties);
        var principal = new ClaimsPrincipal(identity);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, properties);
        return Results.Ok(Describe(principal, properties));
    }

    /// <summary>
    /// Ends the session: the refresh token is revoked at the issuer where it supports that (RFC 7009), then
    /// the server-side row (and so the tokens) is deleted and the cookie cleared.
    /// </summary>
    private static async Task<IResult> LogoutAsync(HttpContext context, IUserAccessTokens tokens)
    {
        await tokens.RevokeAsync(context, context.RequestAborted);
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.NoContent();
    }

    private static async Task<IResult> UserAsync(HttpContext context)
    {
        var session = await context.AuthenticateAsync();
        return session is { Succeeded: true, Principal: { } user }
            ? Results.Ok(Describe(user, session.Properties))
            : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in.");
    }

    private static UserResponse Describe(ClaimsPrincipal user, AuthenticationProperties? properties) => new(
        BffClaims.SubjectOf(user),
        user.FindFirst(BffClaims.Name)?.Value ?? user.Identity?.Name,
        user.IsCoach() ? BffClaims.Coach : BffClaims.Athlete,
        [.. user.Claims.Select(c => new UserClaim(c.Type, c.Value))],
        properties?.ExpiresUtc);

    private static string LocalOrRoot(string? returnUrl) =>
        returnUrl is ['/', not '/' and not '\\', ..] or "/" ? returnUrl : "/";
}
