using GraphQL.Types;

namespace WorkoutTracker.Server.GraphQL.Http;

public static class GraphQLHttpEndpointExtensions
{
    /// <summary>Registers the transport's services; the schema and executer come from GraphQL.NET's builder.</summary>
    public static IServiceCollection AddGraphQLHttpTransport<TSchema>(this IServiceCollection services, IConfiguration configuration)
        where TSchema : ISchema
    {
        services.AddOptions<GraphQLEndpointOptions>()
            .Bind(configuration.GetSection(GraphQLEndpointOptions.SectionName))
            .Validate(o => o.MaxRequestBodyBytes > 0 && o.MaxDepth > 0 && o.MaxComplexity > 0, "GraphQL limits must be positive.")
            .ValidateOnStart();
        services.AddSingleton<GraphQLHttpRequestReader>();
        services.AddSingleton<GraphQLHttpResponseWriter>();
        services.AddSingleton<GraphQLHttpEndpoint<TSchema>>();
        return services;
    }

    /// <summary>Maps GET and POST (and answers other methods 405) on <paramref name="pattern"/>.</summary>
    public static IEndpointConventionBuilder MapGraphQLHttp<TSchema>(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
        where TSchema : ISchema =>
        endpoints.Map(pattern, context => context.RequestServices.GetRequiredService<GraphQLHttpEndpoint<TSchema>>().HandleAsync(context));
}
