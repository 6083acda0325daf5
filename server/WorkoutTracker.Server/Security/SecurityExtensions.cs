namespace WorkoutTracker.Server.Security;

public static class SecurityExtensions
{
    /// <summary>Trusted proxies (forwarded headers) and the per-user GraphQL rate limit.</summary>
    public static IHostApplicationBuilder AddWorkoutSecurity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddTrustedProxies(builder.Configuration);
        services.AddOptions<RateLimitingOptions>().Bind(builder.Configuration.GetSection(RateLimitingOptions.SectionName))
            .Validate(o => o.GraphQL.PermitLimit > 0 && o.GraphQL.Window > TimeSpan.Zero, "RateLimiting:GraphQL: PermitLimit and Window must be positive.")
            .ValidateOnStart();
        services.AddSingleton<GraphQLRateLimiter>();
        services.AddSingleton<WorkoutTracker.Server.GraphQL.Http.WebSockets.IGraphQLWebSocketOperationGate>(sp => sp.GetRequiredService<GraphQLRateLimiter>());
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure<GraphQLRateLimiter>((limiter, graphQL) =>
        {
            limiter.GlobalLimiter = graphQL.ForHttp();
            limiter.OnRejected = GraphQLRateLimiter.RejectAsync;
        });
        return builder;
    }
}
