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
    IOptions<GraphQLEndpointOptions> options,
    CachedResponses cachedResponses,
    IEntityTagProvider? entityTags = null)
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

        if (DocumentSizeGuard.Check(graphQLRequest.Query, options.Value.MaxSelections, out _) is { } tooLarge)
        {
            await writer.WriteErrorAsync(context, mediaType, StatusCodes.Status400BadRequest, tooLarge);
            return;
        }

        var isGet = HttpMethods.IsGet(request.Method);
        var entityTag = isGet && entityTags is not null ? await entityTags.GetEntityTagAsync(graphQLRequest, context) : null;
        if (entityTag is not null)
        {
            context.Response.Headers.CacheControl = "private, no-cache";
            context.Response.Headers.Vary = "Authorization, Cookie";
            if (ConditionalRequest.Matches(request, entityTag))
            {
                context.Response.Headers.ETag = entityTag;
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        // The answer this caller got for this tag, written as it is.
        var partition = entityTag is not null && cachedResponses.IsEnabled ? entityTags!.PartitionOf(context) : null;
        if (partition is not null && cachedResponses.TryGet(partition, entityTag!, mediaType, out var cached))
        {
            context.Response.Headers.ETag = entityTag;
            await writer.WriteBytesAsync(context, mediaType, cached);
            return;
        }

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
            ValidationRules = isGet ? _rules.Get : _rules.Post,
            CachedDocumentValidationRules = isGet ? _rules.GetPerRequest : _rules.PostPerRequest,
        };

        using var activity = GraphQLTelemetry.StartOperation("http");
        var result = await executer.ExecuteAsync(executionOptions);
        GraphQLTelemetry.Complete(activity, result, graphQLRequest.DocumentId);

        if (entityTag is not null && result.Executed && result.Errors is not { Count: > 0 })
        {
            context.Response.Headers.ETag = entityTag;
            if (partition is not null)
            {
                var body = await writer.SerializeAsync(result, context.RequestAborted);
                cachedResponses.Set(partition, entityTag, mediaType, body);
                await writer.WriteBytesAsync(context, mediaType, body);
                return;
            }
        }

        await writer.WriteAsync(context, mediaType, result);
    }

    private readonly HttpValidationRules _rules = new(options.Value.RequireAuthenticatedUser);

    /// <summary>
    /// Every rule for a document seen the first time; for one <see cref="ValidatedDocuments"/> already holds, only
    /// those whose answer depends on the request (the method's operation rule, the authenticated user).
    /// </summary>
    private sealed class HttpValidationRules(bool requireAuthenticatedUser)
    {
        public IValidationRule[] GetPerRequest { get; } = PerRequest(HttpOperationRule.ForGet, requireAuthenticatedUser);

        public IValidationRule[] PostPerRequest { get; } = PerRequest(HttpOperationRule.ForPost, requireAuthenticatedUser);

        public IValidationRule[] Get { get; } = [.. DocumentValidator.CoreRules, .. PerRequest(HttpOperationRule.ForGet, requireAuthenticatedUser)];

        public IValidationRule[] Post { get; } = [.. DocumentValidator.CoreRules, .. PerRequest(HttpOperationRule.ForPost, requireAuthenticatedUser)];

        private static IValidationRule[] PerRequest(IValidationRule operationRule, bool requireAuthenticatedUser) =>
            requireAuthenticatedUser ? [operationRule, RequireAuthenticatedUserRule.Instance] : [operationRule];
    }
}
