using Yarp.ReverseProxy.LoadBalancing;

namespace WorkoutTracker.Bff.Proxy;

/// <summary>Section <c>Server</c>: the GraphQL server instances the BFF forwards to.</summary>
public sealed class ServerOptions
{
    public const string SectionName = "Server";

    /// <summary>One server (run.sh sets it); added to <see cref="Addresses"/>.</summary>
    public string? BaseAddress { get; set; }

    /// <summary>Every server instance (http(s)://host:port), balanced by <see cref="LoadBalancing"/>.</summary>
    public List<string> Addresses { get; set; } = [];

    /// <summary>YARP load-balancing policy: <c>PowerOfTwoChoices</c> (default), <c>RoundRobin</c>, <c>LeastRequests</c>, <c>Random</c>, <c>FirstAlphabetical</c>.</summary>
    public string LoadBalancing { get; set; } = LoadBalancingPolicies.PowerOfTwoChoices;

    /// <summary>Passive health checks: a destination failing too often is taken out until the reactivation period ends.</summary>
    public PassiveHealthOptions PassiveHealth { get; set; } = new();

    /// <summary>With Entra ID: the scopes of the server API to request for the user (e.g. <c>api://…/access_as_user</c>).</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>Every configured address, <see cref="BaseAddress"/> first, normalised and without duplicates.</summary>
    public IReadOnlyList<Uri> AllAddresses() =>
        [.. new[] { BaseAddress }.Concat(Addresses)
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Select(a => new Uri(a!.TrimEnd('/') + "/", UriKind.Absolute))
            .Distinct()];
}

/// <summary>Section <c>Server:PassiveHealth</c> (YARP's TransportFailureRate policy).</summary>
public sealed class PassiveHealthOptions
{
    /// <summary>Share of failed requests (connection errors, timeouts) in the detection window that marks a destination unhealthy.</summary>
    public double FailureRateLimit { get; set; } = 0.3;

    /// <summary>Requests a destination must have had in the window before its rate counts.</summary>
    public int MinimalTotalCount { get; set; } = 5;

    public TimeSpan DetectionWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an unhealthy destination stays out.</summary>
    public TimeSpan ReactivationPeriod { get; set; } = TimeSpan.FromSeconds(30);
}
