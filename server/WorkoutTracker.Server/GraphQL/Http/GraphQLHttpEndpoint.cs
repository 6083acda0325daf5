using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace WorkoutTracker.Server.GraphQL.Http;

/// <summary>
/// The GraphQL-over-HTTP endpoint: reads the request, runs it through GraphQL.NET's executer and
/// writes the result with the right media type and status. Independent of the domain: it knows a
/// schema type, not what the schema holds.
/// </summary>
public sealed class GraphQLHttpEndpoint<TSchema>(
    IDocumentExecuter<TSchema> executer,
    GraphQLHttpRequestReader reader,
    GraphQLHttpResponseWriter writer,
    IOptions<GraphQLEndpointOptions> options)
    where TSchema : ISchema
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsPost(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, POST";
            return;
        }

        var mediaType = GraphQLHttpResponseWriter.Negotiate(request);
        if (mediaType is null)
        {
            context.Response.StatusCode = StatusCodes.Status406NotAcceptable;
            return;
        }

        var read = await reader.ReadAsync(request, context.RequestAborted);
        if (read.Request is not { } graphQLRequest)
        {
            await writer.WriteErrorAsync(context, mediaType, read.StatusCode, read.Error!);
            return;
        }

        var isGet = HttpMethods.IsGet(request.Method);
        var executionOptions = new ExecutionOptions
        {
            Query = graphQLRequest.Query,
            DocumentId = graphQLRequest.DocumentId,
            OperationName = graphQLRequest.OperationName,
            Variables = graphQLRequest.Variables,
            Extensions = graphQLRequest.Extensions,
            User = context.User,
            RequestServices = context.RequestServices,
            CancellationToken = context.RequestAborted,
            Timeout = options.Value.ExecutionTimeout,
            ValidationRules = ValidationRulesFor(isGet),
            CachedDocumentValidationRules = ValidationRulesFor(isGet),
        };

        using var activity = GraphQLTelemetry.StartOperation("http");
        var result = await executer.ExecuteAsync(executionOptions);
        GraphQLTelemetry.Complete(activity, result, graphQLRequest.DocumentId);

        await writer.WriteAsync(context, mediaType, result);
    }

    private IEnumerable<IValidationRule> ValidationRulesFor(bool isGet)
    {
        IEnumerable<IValidationRule> rules = [.. DocumentValidator.CoreRules, isGet ? HttpOperationRule.ForGet : HttpOperationRule.ForPost];
        return options.Value.RequireAuthenticatedUser ? rules.Append(RequireAuthenticatedUserRule.Instance) : rules;
    }
}
