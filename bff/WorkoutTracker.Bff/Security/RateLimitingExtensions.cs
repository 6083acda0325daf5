using System.Globalization;
using System.Threading.RateLimiting;
using WorkoutTracker.Bff.Session;

namespace WorkoutTracker.Bff.Security;

/// <summary>Section <c>Bff:RateLimiting</c>: a fixed window of requests per user (per IP address when signed out), per BFF instance.</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "Bff:RateLimiting";

    public int PermitLimit { get; set; } = 600;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

public static class RateLimitingExtensions
{
    /// <summary>The policy on <c>/bff/*</c> and the proxied <c>/graphql</c>.</summary>
    public const string PolicyName = "per-user";

    /// <summary>ASP.NET Core's rate limiter: 429 with <c>Retry-After</c> (seconds) past the limit.</summary>
    public static IHostApplicationBuilder AddBffRateLimiting(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RateLimitingOptions.SectionName).Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        if (options.PermitLimit <= 0 || options.Window <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{RateLimitingOptions.SectionName}: PermitLimit and Window must be positive.");
        }

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PolicyName, context => RateLimitPartition.GetFixedWindowLimiter(
                PartitionKey(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitLimit, Window = options.Window, QueueLimit = 0 }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window;
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests; try again after Retry-After seconds.")
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
        return builder;
    }

    private static string PartitionKey(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && BffClaims.SubjectOf(context.User) is { } subject
            ? "user:" + subject
            : "ip:" + context.Connection.RemoteIpAddress;
}
