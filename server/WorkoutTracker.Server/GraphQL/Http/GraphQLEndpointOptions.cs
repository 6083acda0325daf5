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

    /// <summary>
    /// Deepest nesting allowed for an operation that selects only introspection fields. Tools' standard
    /// introspection query (GraphiQL, codegen) nests about 15 levels; its size is bounded by the schema,
    /// so depth alone limits it and the complexity score does not apply.
    /// </summary>
    public int MaxIntrospectionDepth { get; set; } = 20;

    /// <summary>Most field selections a document may hold once its fragments are expanded (checked before validation).</summary>
    public int MaxSelections { get; set; } = 5_000;

    /// <summary>Highest complexity score allowed, checked before execution.</summary>
    public int MaxComplexity { get; set; } = 25_000;

    /// <summary>Time a single operation may run before it is stopped with an error.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Bytes of serialized answers to cacheable GET requests kept per instance and written again while their
    /// entity tag holds (<see cref="CachedResponses"/>); zero turns it off.
    /// </summary>
    public long ResponseCacheBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>
    /// Characters of query text whose parsed and validated documents are kept per instance
    /// (<see cref="ValidatedDocuments"/>); zero turns it off.
    /// </summary>
    public long DocumentCacheCharacters { get; set; } = 1024 * 1024;

    /// <summary>Expose exception details in errors (development only).</summary>
    public bool ExposeExceptionDetails { get; set; }

    /// <summary>The <c>graphql-transport-ws</c> WebSocket protocol on the same path (section <c>GraphQL:WebSockets</c>).</summary>
    public GraphQLWebSocketOptions WebSockets { get; set; } = new();
}

/// <summary>Limits of the <c>graphql-transport-ws</c> WebSocket protocol.</summary>
public sealed class GraphQLWebSocketOptions
{
    /// <summary>Time a client has to send <c>connection_init</c> after the upgrade; then the socket is closed 4408.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Largest message a client may send; a bigger one closes the socket 1009 (message too big).</summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>Interval of WebSocket-level ping frames that keep idle connections open through proxies; zero turns them off.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages that may wait to be sent on one socket; a client that falls further behind is disconnected.</summary>
    public int MaxPendingMessages { get; set; } = 1_000;

    /// <summary>Operations one socket may run at once; one more <c>subscribe</c> is answered with an <c>error</c> (<c>TOO_MANY_OPERATIONS</c>).</summary>
    public int MaxOperations { get; set; } = 25;

    /// <summary>Messages a client may send in one second; one more closes the socket with 4420 (Too many messages).</summary>
    public int MaxMessagesPerSecond { get; set; } = 50;
}
