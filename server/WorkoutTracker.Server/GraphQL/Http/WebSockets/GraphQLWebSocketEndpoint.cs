using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace WorkoutTracker.Server.GraphQL.Http.WebSockets;

/// <summary>
/// Accepts a WebSocket upgrade on the GraphQL path and serves it with the <c>graphql-transport-ws</c>
/// protocol. A client that does not offer that subprotocol is accepted and closed with 4406, as
/// graphql-ws servers do, so it learns why.
/// </summary>
public sealed class GraphQLWebSocketEndpoint<TSchema>
    where TSchema : ISchema
{
    private readonly GraphQLWebSocketServices _services;
    private readonly IHostApplicationLifetime _lifetime;

    public GraphQLWebSocketEndpoint(
        IDocumentExecuter<TSchema> executer,
        IGraphQLTextSerializer serializer,
        IGraphQLWebSocketAuthenticator authenticator,
        IServiceScopeFactory scopes,
        IHostApplicationLifetime lifetime,
        IOptions<GraphQLEndpointOptions> options,
        ILoggerFactory loggers,
        IGraphQLWebSocketOperationGate? gate = null,
        TimeProvider? clock = null)
    {
        // The HTTP POST rules, less the one that sends subscriptions here; a document already validated
        // (ValidatedDocuments) runs only the per-request one again.
        IValidationRule[] perRequest = options.Value.RequireAuthenticatedUser ? [RequireAuthenticatedUserRule.Instance] : [];
        _services = new GraphQLWebSocketServices(
            executer, serializer, authenticator, scopes, options.Value, [.. DocumentValidator.CoreRules, .. perRequest], perRequest, loggers.CreateLogger(typeof(GraphQLWebSocketEndpoint<>).Namespace!), gate,
            clock ?? TimeProvider.System);
        _lifetime = lifetime;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var accepted = context.WebSockets.WebSocketRequestedProtocols.Contains(GraphQLWsProtocol.SubProtocol, StringComparer.Ordinal);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = accepted ? GraphQLWsProtocol.SubProtocol : null,
            KeepAliveInterval = _services.Options.WebSockets.KeepAliveInterval,
        });
        using var connection = new GraphQLWebSocketConnection(socket, context, _services, _lifetime.ApplicationStopping);
        await connection.RunAsync(accepted);
    }
}
