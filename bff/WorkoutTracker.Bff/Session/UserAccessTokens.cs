using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using WorkoutTracker.Bff.Proxy;

namespace WorkoutTracker.Bff.Session;

/// <summary>The signed-in user's access token for the server API, refreshed when it is about to expire.</summary>
public interface IUserAccessTokens
{
    /// <summary>The token to forward, or null when the request has no session (or it cannot go on).</summary>
    Task<string?> GetAsync(HttpContext context, CancellationToken cancellationToken);

    /// <summary>At sign-out: revokes the session's refresh token where the issuer supports it.</summary>
    Task RevokeAsync(HttpContext context, CancellationToken cancellationToken);
}

/// <summary>
/// Picks the source of a session's token by how it signed in: local accounts (the identity's authentication type
/// <see cref="LocalAccountType"/>) from the session row, anything else from Entra ID.
/// </summary>
internal sealed class SelectingAccessTokens(SessionAccessTokens? local, EntraIdAccessTokens? entraId) : IUserAccessTokens
{
    public const string LocalAccountType = "workouttracker-local";

    public Task<string?> GetAsync(HttpContext context, CancellationToken cancellationToken) =>
        Pick(context) is { } tokens ? tokens.GetAsync(context, cancellationToken) : Task.FromResult<string?>(null);

    public Task RevokeAsync(HttpContext context, CancellationToken cancellationToken) =>
        Pick(context) is { } tokens ? tokens.RevokeAsync(context, cancellationToken) : Task.CompletedTask;

    private IUserAccessTokens? Pick(HttpContext context) =>
        context.User.Identity?.AuthenticationType == LocalAccountType ? local : entraId ?? (IUserAccessTokens?)local;
}

/// <summary>
/// Local accounts: the tokens the server's <c>/account/token</c> issued, kept in the session row. A
/// token that expires within <see cref="SessionOptions.RefreshBeforeExpiry"/> is renewed with the
/// refresh-token grant under the session's row lock (refresh tokens are single use).
/// </summary>
internal sealed partial class SessionAccessTokens(
    PostgresTicketStore store,
    AccountClient tokenClient,
    IOptions<SessionOptions> options,
    TimeProvider clock,
    ILogger<SessionAccessTokens> logger) : IUserAccessTokens
{
    public async Task<string?> GetAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var session = await context.AuthenticateAsync();
        if (session.Properties?.Items.TryGetValue(PostgresTicketStore.SessionKeyItem, out var key) != true || key is null)
        {
            return null;
        }

        var seen = await store.GetTokensAsync(key, cancellationToken);
        if (seen is null || IsFresh(seen))
        {
            return seen?.AccessToken;
        }

        var tokens = await store.UpdateTokensAsync(key, (current, ct) => RefreshAsync(current, seen, ct), cancellationToken);
        return tokens?.AccessToken;
    }

    /// <summary>The server's issuer supports RFC 7009: the session's refresh token family is revoked at the server.</summary>
    public async Task RevokeAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var session = await context.AuthenticateAsync();
        if (session.Properties?.Items.TryGetValue(PostgresTicketStore.SessionKeyItem, out var key) != true || key is null ||
            await store.GetTokensAsync(key, cancellationToken) is not { RefreshToken: { } refreshToken })
        {
            return;
        }

        if (!await tokenClient.RevokeAsync(refreshToken, cancellationToken))
        {
            LogRevocationFailed(logger);
        }
    }

    private async Task<SessionTokens?> RefreshAsync(SessionTokens current, SessionTokens seen, CancellationToken cancellationToken)
    {
        if (current.AccessToken != seen.AccessToken)
        {
            return current; // another request refreshed them while this one waited for the lock
        }

        var now = clock.GetUtcNow();
        var stillValid = current.AccessTokenExpiresAt > now ? current : null;
        if (current.RefreshToken is null || current.RefreshTokenExpiresAt <= now)
        {
            return stillValid;
        }

        var refreshed = await tokenClient.RefreshAsync(current.RefreshToken, cancellationToken);
        if (refreshed is null)
        {
            LogRefreshRefused(logger);
            return stillValid;
        }

        LogRefreshed(logger, refreshed.AccessTokenExpiresAt);
        return refreshed;
    }

    private bool IsFresh(SessionTokens tokens) => tokens.AccessTokenExpiresAt - options.Value.RefreshBeforeExpiry > clock.GetUtcNow();

    [LoggerMessage(LogLevel.Debug, "Access token refreshed; the new one expires at {ExpiresAt:o}")]
    private static partial void LogRefreshed(ILogger logger, DateTimeOffset expiresAt);

    [LoggerMessage(LogLevel.Information, "The server refused the session's refresh token; the session ends when its access token expires")]
    private static partial void LogRefreshRefused(ILogger logger);

    [LoggerMessage(LogLevel.Warning, "Sign-out could not revoke the session's refresh token at the server; it stays valid until it expires")]
    private static partial void LogRevocationFailed(ILogger logger);
}

/// <summary>
/// Entra ID: Microsoft.Identity.Web acquires (and refreshes) the token for the server API's scopes;
/// its token cache is the shared PostgreSQL distributed cache.
/// </summary>
internal sealed class EntraIdAccessTokens(ITokenAcquisition tokenAcquisition, IOptions<ServerOptions> server) : IUserAccessTokens
{
    /// <summary>
    /// Entra ID has no RFC 7009 endpoint for the refresh tokens MSAL holds (revoking a user's sessions is a
    /// Microsoft Graph call, <c>revokeSignInSessions</c>, an administrator's act): sign-out ends the BFF session only.
    /// </summary>
    public Task RevokeAsync(HttpContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<string?> GetAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        try
        {
            // The scheme whose options hold the Entra ID app (Microsoft.Identity.Web would infer the cookie scheme, which has none).
            return await tokenAcquisition.GetAccessTokenForUserAsync(
                server.Value.Scopes, authenticationScheme: Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectDefaults.AuthenticationScheme, user: context.User);
        }
        catch (MicrosoftIdentityWebChallengeUserException)
        {
            return null; // consent or a new sign-in is needed: the client sees 401 and signs in again
        }
    }
}
