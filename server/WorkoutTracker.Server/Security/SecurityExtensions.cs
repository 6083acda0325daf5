using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using WorkoutTracker.Server.Identity;

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
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure<GraphQLRateLimiter, IOptions<LocalAccountsOptions>>((limiter, graphQL, accounts) =>
        {
            limiter.GlobalLimiter = graphQL.ForHttp();
            limiter.OnRejected = (rejected, ct) => rejected.HttpContext.Request.Path.StartsWithSegments("/graphql")
                ? GraphQLRateLimiter.RejectAsync(rejected, ct)
                : RejectAccountRequestAsync(rejected);

            // Per client address (the BFF forwards it), besides the per-account failure backoff and lockout.
            limiter.AddPolicy(AccountEndpoints.SignUpRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = accounts.Value.SignUpsPerAddress,
                    Window = accounts.Value.SignUpWindow,
                }));
            limiter.AddPolicy(TokenEndpoints.SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = accounts.Value.SignInsPerAddress,
                    Window = accounts.Value.SignInWindow,
                }));
        });
        return builder;
    }

    /// <summary>429 for a sign-up or sign-in past its limit: a problem document with <c>code</c> RATE_LIMITED and <c>Retry-After</c>.</summary>
    private static async ValueTask RejectAccountRequestAsync(OnRejectedContext rejected)
    {
        var seconds = GraphQLRateLimiter.RetryAfterSeconds(
            rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60));
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: $"Too many attempts from this address; try again in {seconds} s.",
                extensions: new Dictionary<string, object?> { ["code"] = GraphQLRateLimiter.Code, ["retryAfter"] = seconds })
            .ExecuteAsync(rejected.HttpContext);
    }
}
