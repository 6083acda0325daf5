using System.ComponentModel.DataAnnotations;

namespace WorkoutTracker.Server.Security;

/// <summary>Section <c>RateLimiting</c>: the server's own limits, so a caller that bypasses the BFF is limited too.</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>GraphQL operations per user (per client IP when anonymous): HTTP requests, WebSocket upgrades and subscribe messages.</summary>
    public GraphQLRateLimitOptions GraphQL { get; set; } = new();
}

/// <summary>A fixed window of operations per user, per server instance; past it 429 with <c>Retry-After</c>.</summary>
public sealed class GraphQLRateLimitOptions
{
    [Range(1, int.MaxValue)]
    public int PermitLimit { get; set; } = 1200;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
