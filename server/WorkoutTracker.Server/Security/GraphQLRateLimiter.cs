using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using GraphQL;
using Microsoft.Extensions.Options;
using WorkoutTracker.Server.GraphQL.Http.WebSockets;
using WorkoutTracker.Server.Identity;

namespace WorkoutTracker.Server.Security;

/// <summary>
/// The per-user GraphQL limit (System.Threading.RateLimiting's fixed window, partitioned by user, or by
/// client IP when anonymous). One limiter for both doors: ASP.NET Core's rate-limiting middleware applies it
/// to HTTP requests on <c>/graphql</c> (WebSocket upgrades included), and the WebSocket transport asks it
/// before each <c>subscribe</c>.
/// </summary>
public sealed class GraphQLRateLimiter : IGraphQLWebSocketOperationGate, IDisposable
{
    public const string Code = "RATE_LIMITED";

    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly GraphQLRateLimitOptions _options;

    public GraphQLRateLimiter(IOptions<RateLimitingOptions> options)
    {
        _options = options.Value.GraphQL;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => key.Length == 0
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = _options.PermitLimit,
                Window = _options.Window,
                QueueLimit = 0,
            }));
    }

    /// <summary>The limiter as the middleware sees it: <c>/graphql</c> requests by user, everything else unlimited.</summary>
    public PartitionedRateLimiter<HttpContext> ForHttp() =>
        _limiter.WithTranslatedKey<HttpContext>(
            context => context.Request.Path.StartsWithSegments("/graphql") ? KeyOf(context.User, context.Connection.RemoteIpAddress) : "",
            leaveOpen: true);

    public ExecutionError? TryStart(ClaimsPrincipal user, HttpContext http)
    {
        using var lease = _limiter.AttemptAcquire(KeyOf(user, http.Connection.RemoteIpAddress));
        if (lease.IsAcquired)
        {
            return null;
        }

        var seconds = RetryAfterSeconds(lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _options.Window);
        return new ExecutionError($"Too many requests; try again in {seconds} s.")
        {
            Code = Code,
            Extensions = new Dictionary<string, object?> { ["retryAfter"] = seconds },
        };
    }

    /// <summary>The 429 answer: <c>Retry-After</c> in seconds and a GraphQL error with code <see cref="Code"/>.</summary>
    public static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = RetryAfterSeconds(retryAfter);
        var response = rejected.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "application/graphql-response+json; charset=utf-8";
        await response.WriteAsync(JsonSerializer.Serialize(new { errors = new[] { Error(seconds) } }), cancellationToken);
    }

    /// <summary>The error object of a refused operation (also sent over the WebSocket).</summary>
    public static object Error(int retryAfterSeconds) => new
    {
        message = $"Too many requests; try again in {retryAfterSeconds} s.",
        extensions = new { code = Code, retryAfter = retryAfterSeconds },
    };

    public static int RetryAfterSeconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    public void Dispose() => _limiter.Dispose();

    private static string KeyOf(ClaimsPrincipal user, IPAddress? address) =>
        user.Identity?.IsAuthenticated == true && (user.FindFirst(WorkoutClaims.ObjectId) ?? user.FindFirst(WorkoutClaims.Subject)) is { } id
            ? "user:" + id.Value
            : "ip:" + address;
}
