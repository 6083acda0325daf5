using GraphQL;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.GraphQL.Http;

namespace WorkoutTracker.Server.GraphQL;

public static class GraphQLExtensions
{
    /// <summary>
    /// The schema, its executer and the HTTP transport. Program.cs and the tests both call this, so
    /// the schema the tests see is the one that runs.
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
            .AddUnhandledExceptionHandler(DomainErrorMapping.HandleAsync));

        services.AddGraphQLHttpTransport<WorkoutSchema>(configuration);
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(GraphQLTelemetry.ActivitySourceName));
        return services;
    }

    public static WebApplication MapWorkoutGraphQL(this WebApplication app)
    {
        app.MapGraphQLHttp<WorkoutSchema>("/graphql");
        return app;
    }
}
