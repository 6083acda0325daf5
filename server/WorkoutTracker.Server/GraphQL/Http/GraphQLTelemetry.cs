using System.Diagnostics;
using GraphQL;

namespace WorkoutTracker.Server.GraphQL.Http;

/// <summary>One span per GraphQL operation, named "&lt;type&gt; &lt;name&gt;" with the OpenTelemetry GraphQL attributes.</summary>
public static class GraphQLTelemetry
{
    public const string ActivitySourceName = "WorkoutTracker.GraphQL";

    private static readonly ActivitySource Source = new(ActivitySourceName);

    public static Activity? StartOperation(string transport) =>
        Source.StartActivity("GraphQL", ActivityKind.Internal)?.SetTag("graphql.transport", transport);

    public static void Complete(Activity? activity, ExecutionResult result, string? documentId)
    {
        if (activity is null)
        {
            return;
        }

        var operation = result.Operation;
        if (operation is not null)
        {
            var type = operation.Operation.ToString().ToLowerInvariant();
            var name = operation.Name?.StringValue;
            activity.DisplayName = name is null ? type : $"{type} {name}";
            activity.SetTag("graphql.operation.type", type);
            activity.SetTag("graphql.operation.name", name);
        }

        if (documentId is not null)
        {
            activity.SetTag("graphql.document.id", documentId);
        }

        if (result.Errors is { Count: > 0 } errors)
        {
            activity.SetTag("graphql.error.count", errors.Count);
            activity.SetTag("graphql.error.codes", string.Join(',', errors.Select(e => e.Code).Distinct()));
            if (!result.Executed)
            {
                activity.SetStatus(ActivityStatusCode.Error, errors[0].Message);
            }
        }
    }
}
