using GraphQL;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.GraphQL.DataLoaders;
using WorkoutTracker.Server.GraphQL.Http;

namespace WorkoutTracker.Server.GraphQL;

public static class GraphQLExtensions
{
    /// <summary>
    /// The schema, its executer, the transport (HTTP and WebSocket) and the per-request DataLoaders.
    /// Program.cs and the tests both call this, so the schema the tests see is the one that runs.
    /// </summary>
    public static IServiceCollection AddWorkoutGraphQL(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<WorkoutSchema>()
            .AddSystemTextJson()
            .AddGraphTypes(typeof(WorkoutSchema).Assembly)
            .AddComplexityAnalyzer((complexity, sp) =>
            {
                var limits = sp.GetRequiredService<IOptions<GraphQLEndpointOptions>>().Value;
                complexity.MaxDepth = limits.MaxDepth;
                complexity.MaxComplexity = limits.MaxComplexity;
            })
            .AddErrorInfoProvider((errors, sp) =>
            {
                var limits = sp.GetRequiredService<IOptions<GraphQLEndpointOptions>>().Value;
                errors.ExposeExceptionDetails = limits.ExposeExceptionDetails;
                errors.ExposeCodes = false;
            })
            .AddUnhandledExceptionHandler(DomainErrorMapping.HandleAsync)
            // Each subscription event resolves in a scope of its own: fresh DataLoaders and DbContexts per event.
            .AddScopedSubscriptionExecutionStrategy());

        services.AddGraphQLHttpTransport<WorkoutSchema>(configuration);
        services.AddDataLoaders();
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(GraphQLTelemetry.ActivitySourceName));
        services.AddSingleton<ExerciseSearch>();
        return services;
    }

    public static WebApplication MapWorkoutGraphQL(this WebApplication app)
    {
        app.MapGraphQLHttp<WorkoutSchema>("/graphql");
        return app;
    }
}
