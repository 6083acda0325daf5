using System.Text.Encodings.Web;
using GraphQL;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WorkoutTracker.Server.GraphQL.Caching;
using WorkoutTracker.Server.GraphQL.DataLoaders;
using WorkoutTracker.Server.GraphQL.Http;
using WorkoutTracker.Server.GraphQL.Subscriptions;
using WorkoutTracker.Server.GraphQL.PersistedOperations;

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
            // Readable JSON as the web writes it: '+', '<', '\'' stay themselves (the media type is JSON, never HTML).
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddGraphTypes(typeof(WorkoutSchema).Assembly)
            .AddComplexityAnalyzer((complexity, sp) =>
            {
                var limits = sp.GetRequiredService<IOptions<GraphQLEndpointOptions>>().Value;
                complexity.MaxDepth = limits.MaxDepth;
                complexity.MaxComplexity = limits.MaxComplexity;
                complexity.ValidateComplexityDelegate = check =>
                {
                    var validation = check.ValidationContext;
                    if (check.Error is not null && check.MaxDepth <= limits.MaxIntrospectionDepth &&
                        IntrospectionOperations.IsIntrospectionOnly(validation.Document, validation.Operation))
                    {
                        check.Error = null;
                    }

                    return Task.CompletedTask;
                };
            })
            .AddErrorInfoProvider((errors, sp) =>
            {
                var limits = sp.GetRequiredService<IOptions<GraphQLEndpointOptions>>().Value;
                errors.ExposeExceptionDetails = limits.ExposeExceptionDetails;
                errors.ExposeCodes = false;
            })
            .AddUnhandledExceptionHandler(DomainErrorMapping.HandleAsync)
            .ConfigureExecution(sp => new PersistedOperationHandler(
                sp.GetRequiredService<PersistedOperationManifest>(),
                sp.GetRequiredService<IOptions<PersistedOperationOptions>>().Value))
            // After the persisted-operation step: a repeated document is parsed and validated once.
            .ConfigureExecution(sp => sp.GetRequiredService<ValidatedDocuments>())
            // Each subscription event resolves in a scope of its own (fresh DataLoaders and DbContexts), once per
            // distinct selection however many sockets subscribe with it.
            .AddExecutionStrategy<SharedEventResults>(GraphQLParser.AST.OperationType.Subscription));

        services.AddOptions<PersistedOperationOptions>().Bind(configuration.GetSection(PersistedOperationOptions.SectionName));
        services.AddSingleton(sp =>
        {
            var path = sp.GetRequiredService<IOptions<PersistedOperationOptions>>().Value.ManifestPath;
            return PersistedOperationManifest.Load(Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path));
        });

        services.AddSingleton<ValidatedDocuments>();
        services.AddGraphQLHttpTransport<WorkoutSchema>(configuration);
        services.AddSingleton<IEntityTagProvider, VersionedEntityTags>();
        services.AddDataLoaders();
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(GraphQLTelemetry.ActivitySourceName));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(ValidatedDocuments.MeterName));
        return services;
    }

    public static WebApplication MapWorkoutGraphQL(this WebApplication app)
    {
        app.MapGraphQLHttp<WorkoutSchema>("/graphql");
        return app;
    }
}
