using Microsoft.Extensions.Options;

namespace WorkoutTracker.Bff.Security;

/// <summary>Endpoint metadata: the endpoint is a BFF API (anti-forgery header required).</summary>
public sealed class BffApiMetadata;

/// <summary>Endpoint metadata: the endpoint forwards GraphQL to the server (athletes' operations are allowlisted).</summary>
public sealed class GraphQLProxyMetadata;

public static class BffApiChecks
{
    public static TBuilder RequireBffApiChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BffApiMetadata());

    /// <summary>
    /// The BFF's checks, between authentication and authorization: the anti-forgery header (403 without
    /// it; a WebSocket handshake may show an allowed <c>Origin</c> instead), then the athletes' allowlist
    /// of persisted operations on GraphQL over HTTP (the WebSocket relay checks <c>subscribe</c> messages).
    /// </summary>
    public static IApplicationBuilder UseBffApiChecks(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<BffApiMetadata>() is null)
        {
            await next(context);
            return;
        }

        var options = context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value;
        if (!PassesAntiforgery(context, options))
        {
            await Results.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Anti-forgery header missing",
                    detail: $"Every BFF API call needs the header '{options.HeaderName}: {options.HeaderValue}' (WebSocket handshakes: that header or an allowed Origin).")
                .ExecuteAsync(context);
            return;
        }

        if (endpoint.Metadata.GetMetadata<GraphQLProxyMetadata>() is not null && !context.WebSockets.IsWebSocketRequest)
        {
            var allowlist = context.RequestServices.GetRequiredService<AllowlistHttpCheck>();
            if (!await allowlist.CheckAsync(context))
            {
                return;
            }
        }

        await next(context);
    });

    private static bool PassesAntiforgery(HttpContext context, AntiforgeryOptions options)
    {
        if (context.Request.Headers.TryGetValue(options.HeaderName, out var values) && values is [var value] && value == options.HeaderValue)
        {
            return true;
        }

        return context.WebSockets.IsWebSocketRequest && IsAllowedOrigin(context, options);
    }

    private static bool IsAllowedOrigin(HttpContext context, AntiforgeryOptions options)
    {
        if (context.Request.Headers.Origin is not [{ Length: > 0 } origin])
        {
            return false;
        }

        var own = $"{context.Request.Scheme}://{context.Request.Host}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) ||
               options.AllowedOrigins.Any(allowed => string.Equals(origin, allowed.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }
}
