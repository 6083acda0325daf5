using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace WorkoutTracker.Server.GraphQL.Http.WebSockets;

/// <summary>
/// Validates the bearer token a WebSocket client sends in <c>connection_init</c> (or that a proxy put
/// on the upgrade request). The host may register its own; the default runs the app's authentication.
/// </summary>
public interface IGraphQLWebSocketAuthenticator
{
    /// <summary>The principal the token stands for, or <c>null</c> when the token is not valid.</summary>
    Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext context, string token, CancellationToken cancellationToken);

    /// <summary>
    /// When the user's credentials stop being valid (the socket then closes 4403), or null when they do not expire.
    /// <paramref name="user"/> came from <see cref="AuthenticateAsync"/> or is the upgrade request's own user
    /// (<paramref name="context"/>'s, authenticated by the host's middleware).
    /// </summary>
    DateTimeOffset? ValidUntil(HttpContext context, ClaimsPrincipal user);
}

/// <summary>
/// One validation for both doors: the token is authenticated by the app's default authentication scheme
/// exactly as an HTTP request carrying <c>Authorization: Bearer &lt;token&gt;</c> would be. The scheme's own
/// handler runs, with its options and its events (for Entra ID, Microsoft.Identity.Web's issuer, scope and
/// role checks), in a DI scope of its own so no result cached for the upgrade request is reused.
/// With several JWT bearer schemes behind a policy scheme (Entra ID and local accounts), the socket's expiry
/// allows the clock skew of the scheme that validated its token, as an HTTP request's would.
/// </summary>
public sealed partial class JwtBearerWebSocketAuthenticator(
    IServiceScopeFactory scopes,
    IOptionsMonitor<JwtBearerOptions> jwtOptions,
    ILogger<JwtBearerWebSocketAuthenticator> logger) : IGraphQLWebSocketAuthenticator
{
    /// <summary>The scheme that validated each principal this authenticator returned, for as long as the principal lives.</summary>
    private readonly ConditionalWeakTable<ClaimsPrincipal, string> _schemes = new();

    public async Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext context, string token, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var probe = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = cancellationToken };
        probe.Request.Scheme = context.Request.Scheme;
        probe.Request.Host = context.Request.Host;
        probe.Request.PathBase = context.Request.PathBase;
        probe.Request.Path = context.Request.Path;
        probe.Request.Headers.Authorization = "Bearer " + token;
        probe.Connection.RemoteIpAddress = context.Connection.RemoteIpAddress;

        var result = await probe.AuthenticateAsync();
        if (result.Succeeded)
        {
            _schemes.AddOrUpdate(result.Principal, result.Ticket.AuthenticationScheme);
            return result.Principal;
        }

        LogRejected(logger, result.Failure?.Message ?? "no credentials the scheme accepts");
        return null;
    }

    /// <summary>
    /// The token's <c>exp</c> plus the clock skew the HTTP handler of the scheme that validated it allows: the socket
    /// lives exactly as long as the token would be accepted.
    /// </summary>
    public DateTimeOffset? ValidUntil(HttpContext context, ClaimsPrincipal user)
    {
        if (!long.TryParse(user.FindFirst("exp")?.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var exp))
        {
            return null;
        }

        var skew = jwtOptions.Get(SchemeOf(context, user)).TokenValidationParameters.ClockSkew;
        return DateTimeOffset.FromUnixTimeSeconds(exp) + skew;
    }

    /// <summary>
    /// The scheme whose handler validated <paramref name="user"/>'s token: remembered when this authenticator ran it,
    /// or the upgrade request's authentication result (behind a policy scheme, the ticket names the scheme it forwarded to).
    /// </summary>
    private string SchemeOf(HttpContext context, ClaimsPrincipal user)
    {
        if (_schemes.TryGetValue(user, out var scheme))
        {
            return scheme;
        }

        return context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult is { Succeeded: true } upgrade && ReferenceEquals(upgrade.Principal, user)
            ? upgrade.Ticket.AuthenticationScheme
            : JwtBearerDefaults.AuthenticationScheme;
    }

    [LoggerMessage(LogLevel.Information, "WebSocket token rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);
}

/// <summary>
/// Decides whether a WebSocket operation may start (e.g. the host's rate limit). Optional: without one
/// every operation starts.
/// </summary>
public interface IGraphQLWebSocketOperationGate
{
    /// <summary>Null to start the operation, or the error its <c>subscribe</c> is answered with.</summary>
    global::GraphQL.ExecutionError? TryStart(ClaimsPrincipal user, HttpContext http);
}
