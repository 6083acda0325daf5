using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkoutTracker.Server.GraphQL.Http.WebSockets;

namespace WorkoutTracker.Server.GraphQL.Http;

public static class GraphQLHttpEndpointExtensions
{
    /// <summary>
    /// Registers the transport's services (HTTP and <c>graphql-transport-ws</c>); the schema and executer
    /// come from GraphQL.NET's builder. WebSocket tokens are validated by
    /// <see cref="JwtBearerWebSocketAuthenticator"/> (the app's default authentication scheme) unless the host registers its own
    /// <see cref="IGraphQLWebSocketAuthenticator"/>.
    /// </summary>
    public static IServiceCollection AddGraphQLHttpTransport<TSchema>(this IServiceCollection services, IConfiguration configuration)
        where TSchema : ISchema
    {
        services.AddOptions<GraphQLEndpointOptions>()
            .Bind(configuration.GetSection(GraphQLEndpointOptions.SectionName))
            .Validate(o => o.MaxRequestBodyBytes > 0 && o.MaxDepth > 0 && o.MaxComplexity > 0, "GraphQL limits must be positive.")
            .Validate(
                o => o.WebSockets.ConnectionInitTimeout > TimeSpan.Zero && o.WebSockets.MaxMessageBytes > 0 && o.WebSockets.MaxPendingMessages > 0 &&
                     o.WebSockets.MaxOperations > 0 && o.WebSockets.MaxMessagesPerSecond > 0,
                "GraphQL:WebSockets limits must be positive.")
            .ValidateOnStart();
        services.AddSingleton<GraphQLHttpRequestReader>();
        services.AddSingleton<GraphQLHttpResponseWriter>();
        services.AddSingleton<CachedResponses>();
        services.AddSingleton<GraphQLHttpEndpoint<TSchema>>();
        services.AddSingleton<GraphQLWebSocketEndpoint<TSchema>>();
        services.TryAddSingleton<IGraphQLWebSocketAuthenticator, JwtBearerWebSocketAuthenticator>();
        return services;
    }

    /// <summary>
    /// Accepts WebSocket upgrades (ASP.NET Core's WebSockets middleware); call it before the GraphQL
    /// endpoint runs, i.e. anywhere before <c>app.Run</c> with minimal hosting.
    /// </summary>
    public static IApplicationBuilder UseGraphQLWebSockets(this IApplicationBuilder app) => app.UseWebSockets();

    /// <summary>
    /// Maps the GraphQL endpoint on <paramref name="pattern"/>: a WebSocket upgrade is served by the
    /// <c>graphql-transport-ws</c> protocol, GET and POST by GraphQL over HTTP (other methods are 405).
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQLHttp<TSchema>(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
        where TSchema : ISchema =>
        endpoints.Map(pattern, context => context.WebSockets.IsWebSocketRequest
            ? context.RequestServices.GetRequiredService<GraphQLWebSocketEndpoint<TSchema>>().HandleAsync(context)
            : context.RequestServices.GetRequiredService<GraphQLHttpEndpoint<TSchema>>().HandleAsync(context));
}
