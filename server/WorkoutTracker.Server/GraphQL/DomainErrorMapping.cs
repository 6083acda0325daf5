using GraphQL;
using GraphQL.Execution;
using WorkoutTracker.Server.Common;

namespace WorkoutTracker.Server.GraphQL;

/// <summary>
/// Turns a <see cref="DomainException"/> thrown by a resolver into a GraphQL error with its code
/// (and the offending input field for validation). Anything else is logged and reported without
/// internals.
/// </summary>
public static class DomainErrorMapping
{
    public static Task HandleAsync(UnhandledExceptionContext context)
    {
        if (context.OriginalException is DomainException domain)
        {
            var error = new ExecutionError(domain.Message) { Code = domain.Code };
            if (domain is ValidationException validation)
            {
                error.Extensions = new Dictionary<string, object?> { ["field"] = validation.Field };
            }

            context.Exception = error;
            return Task.CompletedTask;
        }

        if (context.OriginalException is GraphQLParser.Exceptions.GraphQLMaxDepthExceededException)
        {
            context.Exception = new ExecutionError("The document nests deeper than the parser allows.") { Code = "MAX_DEPTH_EXCEEDED" };
            return Task.CompletedTask;
        }

        if (context.OriginalException is OperationCanceledException)
        {
            context.Exception = new ExecutionError("The request was cancelled.") { Code = "CANCELLED" };
            return Task.CompletedTask;
        }

        var logger = context.Context?.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("WorkoutTracker.GraphQL");
        logger?.LogError(context.OriginalException, "Unhandled error resolving {Field}", context.FieldContext?.FieldDefinition.Name ?? "(document)");
        return Task.CompletedTask;
    }
}
