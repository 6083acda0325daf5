using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace WorkoutTracker.Server.GraphQL.Http.WebSockets;

/// <summary>
/// Validates the bearer token a WebSocket client sends in <c>connection_init</c> (or that a proxy put
/// on the upgrade request). The host may register its own; the default uses the app's JwtBearer options.
/// </summary>
public interface IGraphQLWebSocketAuthenticator
{
    /// <summary>The principal the token stands for, or <c>null</c> when the token is not valid.</summary>
    Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext context, string token, CancellationToken cancellationToken);

    /// <summary>When the user's credentials stop being valid (the socket then closes 4403), or null when they do not expire.</summary>
    DateTimeOffset? ValidUntil(ClaimsPrincipal user);
}

/// <summary>
/// Validates tokens exactly as the HTTP requests' JwtBearer handler would: the default authentication
/// scheme's <see cref="JwtBearerOptions"/> (validation parameters, token handlers, OpenID Connect
/// metadata when an authority is configured). JwtBearer events do not run.
/// </summary>
public sealed partial class JwtBearerWebSocketAuthenticator(
    IOptionsMonitor<JwtBearerOptions> jwtOptions,
    ILogger<JwtBearerWebSocketAuthenticator> logger,
    IAuthenticationSchemeProvider? schemes = null) : IGraphQLWebSocketAuthenticator
{
    public async Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext context, string token, CancellationToken cancellationToken)
    {
        var scheme = schemes is null ? null : await schemes.GetDefaultAuthenticateSchemeAsync();
        var options = jwtOptions.Get(scheme?.Name ?? JwtBearerDefaults.AuthenticationScheme);
        var parameters = options.TokenValidationParameters.Clone();
        if (options.ConfigurationManager is BaseConfigurationManager baseManager)
        {
            parameters.ConfigurationManager = baseManager;
        }
        else if (options.ConfigurationManager is { } manager)
        {
            var metadata = await manager.GetConfigurationAsync(cancellationToken);
            parameters.ValidIssuers = [.. parameters.ValidIssuers ?? [], metadata.Issuer];
            parameters.IssuerSigningKeys = [.. parameters.IssuerSigningKeys ?? [], .. metadata.SigningKeys];
        }

        Exception? failure = null;
        foreach (var handler in options.TokenHandlers)
        {
            var result = await handler.ValidateTokenAsync(token, parameters);
            if (result.IsValid)
            {
                return new ClaimsPrincipal(result.ClaimsIdentity);
            }

            failure ??= result.Exception;
        }

        LogRejected(logger, failure?.Message ?? "no token handler accepted it");
        return null;
    }

    /// <summary>The token's <c>exp</c> plus the clock skew the HTTP handler allows: the socket lives exactly as long as the token would be accepted.</summary>
    public DateTimeOffset? ValidUntil(ClaimsPrincipal user)
    {
        if (!long.TryParse(user.FindFirst("exp")?.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var exp))
        {
            return null;
        }

        var skew = jwtOptions.Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters.ClockSkew;
        return DateTimeOffset.FromUnixTimeSeconds(exp) + skew;
    }

    [LoggerMessage(LogLevel.Information, "WebSocket token rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);
}
