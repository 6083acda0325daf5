using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms;
using WorkoutTracker.Bff.Security;
using WorkoutTracker.Bff.Session;

namespace WorkoutTracker.Bff.Proxy;

public static class ProxyExtensions
{
    private const string ClusterId = "server";
    private const string UserTokenItem = "WorkoutTracker.Bff.UserToken";

    private const string GraphQLRouteId = "graphql";

    /// <summary>
    /// YARP forwarding <c>/graphql</c> (HTTP and WebSocket), and the file resources <c>/imports</c> and
    /// <c>/exports</c> (history import uploads and exports, which are not GraphQL), to the server instances
    /// of section <c>Server</c>, load-balanced, with passive health checks. The request loses the client's
    /// Authorization and Cookie headers and gains <c>Authorization: Bearer</c> with the session user's token.
    /// </summary>
    public static IHostApplicationBuilder AddGraphQLProxy(this IHostApplicationBuilder builder)
    {
        var server = builder.Configuration.GetSection(ServerOptions.SectionName).Get<ServerOptions>() ?? new ServerOptions();
        var health = server.PassiveHealth;
        var cluster = new ClusterConfig
        {
            ClusterId = ClusterId,
            LoadBalancingPolicy = server.LoadBalancing,
            HealthCheck = new HealthCheckConfig
            {
                Passive = new PassiveHealthCheckConfig
                {
                    Enabled = true,
                    Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                    ReactivationPeriod = health.ReactivationPeriod,
                },
            },
            Metadata = new Dictionary<string, string>
            {
                [TransportFailureRateHealthPolicyOptions.FailureRateLimitMetadataName] = health.FailureRateLimit.ToString(CultureInfo.InvariantCulture),
            },
            Destinations = server.AllAddresses()
                .Select((address, i) => (Id: $"server-{i + 1}", Config: new DestinationConfig { Address = address.ToString() }))
                .ToDictionary(d => d.Id, d => d.Config, StringComparer.Ordinal),
        };
        RouteConfig[] routes =
        [
            new() { RouteId = GraphQLRouteId, ClusterId = ClusterId, Match = new RouteMatch { Path = "/graphql" } },
            new() { RouteId = "imports", ClusterId = ClusterId, Match = new RouteMatch { Path = "/imports/{**rest}" } },
            new() { RouteId = "exports", ClusterId = ClusterId, Match = new RouteMatch { Path = "/exports/{**rest}", Methods = ["GET"] } },
        ];

        builder.Services.AddReverseProxy()
            .LoadFromMemory(routes, [cluster])
            .AddTransforms(transforms =>
            {
                transforms.AddRequestHeaderRemove("Cookie");
                transforms.AddRequestTransform(context =>
                {
                    context.ProxyRequest.Headers.Remove("Authorization");
                    if (context.HttpContext.Items[UserTokenItem] is string token)
                    {
                        context.ProxyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    }

                    return ValueTask.CompletedTask;
                });
            });
        builder.Services.Configure<TransportFailureRateHealthPolicyOptions>(o =>
        {
            o.DefaultFailureRateLimit = health.FailureRateLimit;
            o.MinimalTotalCountThreshold = health.MinimalTotalCount;
            o.DetectionWindowSize = health.DetectionWindow;
        });
        builder.Services.AddSingleton<GraphQLWebSocketRelay>();
        return builder;
    }

    /// <summary>
    /// Maps the proxy: the user's token is fetched (and refreshed) first, then YARP balances, records
    /// destination health and forwards; WebSocket upgrades go to <see cref="GraphQLWebSocketRelay"/>.
    /// A request that could not reach an instance is sent once more to another one.
    /// </summary>
    public static WebApplication MapGraphQLProxy(this WebApplication app)
    {
        var relay = app.Services.GetRequiredService<GraphQLWebSocketRelay>();
        app.MapReverseProxy(proxy =>
            {
                proxy.Use(AttachUserTokenAsync);
                proxy.Use(RetryOnAnotherDestinationAsync);
                proxy.UseLoadBalancing();
                proxy.UsePassiveHealthChecks();
                proxy.Use((context, next) => context.GetReverseProxyFeature().Route.Config.RouteId == GraphQLRouteId
                    ? relay.InvokeAsync(context, next, (string)context.Items[UserTokenItem]!)
                    : RefuseUpgradeAsync(context, next));
            })
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitingExtensions.PolicyName)
            .RequireBffApiChecks()
            .ConfigureEndpoints((endpoint, route) =>
            {
                if (route.RouteId == GraphQLRouteId)
                {
                    endpoint.WithMetadata(new GraphQLProxyMetadata());
                }
            });
        return app;
    }

    /// <summary>The file resources are plain HTTP: a WebSocket handshake there is a bad request.</summary>
    private static Task RefuseUpgradeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Task.CompletedTask;
    }

    private static async Task AttachUserTokenAsync(HttpContext context, RequestDelegate next)
    {
        var token = await context.RequestServices.GetRequiredService<IUserAccessTokens>().GetAsync(context, context.RequestAborted);
        if (token is null)
        {
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The session has ended; sign in again.").ExecuteAsync(context);
            return;
        }

        context.Items[UserTokenItem] = token;
        await next(context);
    }

    /// <summary>
    /// When the chosen instance refused the connection (nothing reached it), sends the request to one
    /// of the other available instances; the failure still counts for passive health.
    /// </summary>
    private static async Task RetryOnAnotherDestinationAsync(HttpContext context, RequestDelegate next)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations;
        var failed = new List<DestinationState>();
        while (true)
        {
            await next(context);
            if (context.Features.Get<IForwarderErrorFeature>() is not { } error || !IsConnectFailure(error) ||
                context.Response.HasStarted || proxy.ProxiedDestination is not { } destination)
            {
                return;
            }

            failed.Add(destination);
            var rest = candidates.Where(d => !failed.Contains(d)).ToList();
            if (rest.Count == 0 || !CanReplay(context.Request))
            {
                return;
            }

            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
            if (context.Request.Body.CanSeek)
            {
                context.Request.Body.Position = 0;
            }

            proxy.AvailableDestinations = rest;
            proxy.ProxiedDestination = null;
        }
    }

    private static bool IsConnectFailure(IForwarderErrorFeature error)
    {
        if (error.Error is not (ForwarderError.Request or ForwarderError.UpgradeRequestDestination))
        {
            return false;
        }

        for (var ex = error.Exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } or SocketException)
            {
                return true;
            }
        }

        return false;
    }

    private static bool CanReplay(HttpRequest request) =>
        request.ContentLength is null or 0 && !request.Headers.ContainsKey("Transfer-Encoding") || request.Body.CanSeek;
}
