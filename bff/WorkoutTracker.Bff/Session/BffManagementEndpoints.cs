using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.JsonWebTokens;
using WorkoutTracker.Bff.Security;

namespace WorkoutTracker.Bff.Session;

/// <summary>
/// <c>/bff/login</c>, <c>/bff/logout</c> and <c>/bff/user</c> (Duende BFF's management endpoints), and for local
/// accounts <c>/bff/signup</c>, <c>/bff/password</c> and <c>/bff/account/delete</c>. Each needs the anti-forgery
/// header; only the Entra ID sign-in (a browser navigation) does not. The server's refusals (field errors with
/// their codes, 429 with <c>Retry-After</c>) reach the client as the server wrote them.
/// </summary>
public static class BffManagementEndpoints
{
    public sealed record LoginRequest(string? Email, string? Password);

    public sealed record SignUpRequest(string? Email, string? DisplayName, string? Password, string? Role);

    public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

    public sealed record DeleteAccountRequest(string? Password);

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

        if (app.Configuration.UsesLocalAccounts())
        {
            bff.MapPost("/login", LocalLoginAsync);
            bff.MapPost("/signup", SignUpAsync);
            bff.MapPost("/password", ChangePasswordAsync);
            bff.MapPost("/account/delete", DeleteAccountAsync);
        }

        bff.MapPost("/logout", (Delegate)LogoutAsync);
        bff.MapGet("/user", (Delegate)UserAsync);
        return app;
    }

    /// <summary>
    /// Signs in a local account at the server's token issuer: the tokens stay in the server-side session, the
    /// response sets only the session cookie. 401 for wrong credentials.
    /// </summary>
    private static async Task<IResult> LocalLoginAsync(LoginRequest request, HttpContext context, AccountClient tokens, CancellationToken cancellationToken)
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

        return Results.Ok(await StartSessionAsync(context, issued));
    }

    /// <summary>Creates the account at the server and signs it in at once (201 with the user, as <c>/bff/user</c> describes it).</summary>
    private static async Task<IResult> SignUpAsync(SignUpRequest request, HttpContext context, AccountClient accounts, CancellationToken cancellationToken)
    {
        var answer = await accounts.SignUpAsync(request, context.Connection.RemoteIpAddress, cancellationToken);
        return answer.Tokens is { } tokens
            ? Results.Json(await StartSessionAsync(context, tokens), statusCode: StatusCodes.Status201Created)
            : PassOn(context, answer);
    }

    /// <summary>Changes the password; the server revokes every refresh token of the account and this session gets the new pair.</summary>
    private static async Task<IResult> ChangePasswordAsync(
        ChangePasswordRequest request, HttpContext context, AccountClient accounts, IUserAccessTokens tokens, PostgresTicketStore store, CancellationToken cancellationToken)
    {
        if (await tokens.GetAsync(context, cancellationToken) is not { } accessToken || await SessionKeyAsync(context) is not { } key)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in.");
        }

        var answer = await accounts.ChangePasswordAsync(request, accessToken, context.Connection.RemoteIpAddress, cancellationToken);
        if (answer.Tokens is not { } renewed)
        {
            return PassOn(context, answer);
        }

        await store.UpdateTokensAsync(key, (_, _) => Task.FromResult<SessionTokens?>(renewed), cancellationToken);
        return Results.NoContent();
    }

    /// <summary>Deletes the account and all its data at the server, then ends this session.</summary>
    private static async Task<IResult> DeleteAccountAsync(
        DeleteAccountRequest request, HttpContext context, AccountClient accounts, IUserAccessTokens tokens, CancellationToken cancellationToken)
    {
        if (await tokens.GetAsync(context, cancellationToken) is not { } accessToken)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in.");
        }

        var answer = await accounts.DeleteAccountAsync(request, accessToken, context.Connection.RemoteIpAddress, cancellationToken);
        if (answer.Status != System.Net.HttpStatusCode.NoContent)
        {
            return PassOn(context, answer);
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.NoContent();
    }

    /// <summary>
    /// The session for tokens the BFF got straight from the server: their claims name the user (no validation
    /// needed here). The tokens stay in the server-side session; the response sets only the cookie.
    /// </summary>
    private static async Task<UserResponse> StartSessionAsync(HttpContext context, SessionTokens issued)
    {
        var jwt = new JsonWebToken(issued.AccessToken);
        var identity = new ClaimsIdentity(
            jwt.Claims.Where(c => c.Type is BffClaims.Subject or BffClaims.Name or BffClaims.Role).Select(c => new Claim(c.Type, c.Value)),
            SelectingAccessTokens.LocalAccountType,
            BffClaims.Name,
            BffClaims.Role);
        var properties = new AuthenticationProperties { IsPersistent = true };
        issued.StoreIn(properties);
        var principal = new ClaimsPrincipal(identity);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, properties);
        return Describe(principal, properties);
    }

    /// <summary>The server's refusal as it wrote it (status, problem document, <c>Retry-After</c>).</summary>
    private static IResult PassOn(HttpContext context, AccountClient.Answer answer)
    {
        if (answer.RetryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return answer.Problem is { } problem
            ? Results.Json(problem, statusCode: (int)answer.Status, contentType: "application/problem+json")
            : Results.StatusCode((int)answer.Status);
    }

    private static async Task<string?> SessionKeyAsync(HttpContext context) =>
        (await context.AuthenticateAsync()).Properties?.Items.TryGetValue(PostgresTicketStore.SessionKeyItem, out var key) == true ? key : null;

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
