namespace WorkoutTracker.Server.GraphQL.Http;

/// <summary>Limits and switches of the GraphQL endpoint (configuration section <c>GraphQL</c>).</summary>
public sealed class GraphQLEndpointOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>Largest request body accepted; a bigger one is answered 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 128 * 1024;

    /// <summary>Largest query string a GET may carry (document plus variables); a longer one is answered 414.</summary>
    public int MaxQueryStringLength { get; set; } = 16 * 1024;

    /// <summary>When set, every operation except introspection needs an authenticated user.</summary>
    public bool RequireAuthenticatedUser { get; set; } = true;

    /// <summary>Deepest selection nesting allowed, checked before execution.</summary>
    public int MaxDepth { get; set; } = 12;

    /// <summary>Highest complexity score allowed, checked before execution.</summary>
    public int MaxComplexity { get; set; } = 25_000;

    /// <summary>Time a single operation may run before it is stopped with an error.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Expose exception details in errors (development only).</summary>
    public bool ExposeExceptionDetails { get; set; }
}
