using GraphQL;
using GraphQL.Execution;
using GraphQLParser.Exceptions;
using Microsoft.Net.Http.Headers;

namespace WorkoutTracker.Server.GraphQL.Http;

/// <summary>
/// Chooses the response media type from <c>Accept</c> and the status code from the result, per the
/// GraphQL-over-HTTP spec: with <c>application/graphql-response+json</c> a request error (nothing
/// executed) is 4xx; with legacy <c>application/json</c> it is 200. Authentication and method errors
/// are HTTP errors under either type.
/// </summary>
public sealed class GraphQLHttpResponseWriter(IGraphQLSerializer serializer)
{
    /// <summary>The media type to answer with, or <c>null</c> when the client accepts none we serve (406).</summary>
    public static string? Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return GraphQLMediaTypes.GraphQLResponse;
        }

        string? best = null;
        double bestQuality = 0;
        foreach (var candidate in accept)
        {
            var quality = candidate.Quality ?? 1;
            var type = Supported(candidate);
            if (type is not null && quality > bestQuality)
            {
                (best, bestQuality) = (type, quality);
            }
        }

        return best;
    }

    private static string? Supported(MediaTypeHeaderValue candidate)
    {
        var type = candidate.MediaType;
        if (type.Equals(GraphQLMediaTypes.GraphQLResponse, StringComparison.OrdinalIgnoreCase) ||
            type.Equals("*/*", StringComparison.Ordinal) ||
            type.Equals("application/*", StringComparison.OrdinalIgnoreCase))
        {
            return GraphQLMediaTypes.GraphQLResponse;
        }

        return type.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase) ? GraphQLMediaTypes.Json : null;
    }

    public Task WriteAsync(HttpContext context, string mediaType, ExecutionResult result)
    {
        var response = context.Response;
        response.StatusCode = StatusCodeFor(result, mediaType);
        if (response.StatusCode == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Bearer";
        }
        else if (response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            response.Headers.Allow = "POST";
        }

        return WriteBodyAsync(context, mediaType, result);
    }

    /// <summary>The body of a successful result (status 200), serialized once so it can be kept.</summary>
    public async Task<byte[]> SerializeAsync(ExecutionResult result, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await serializer.WriteAsync(buffer, result, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>Writes a successful answer serialized earlier (<see cref="SerializeAsync"/>).</summary>
    public Task WriteBytesAsync(HttpContext context, string mediaType, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = mediaType + "; charset=utf-8";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    public Task WriteErrorAsync(HttpContext context, string mediaType, int statusCode, ExecutionError error)
    {
        context.Response.StatusCode = statusCode;
        return WriteBodyAsync(context, mediaType, new ExecutionResult(error));
    }

    private Task WriteBodyAsync(HttpContext context, string mediaType, ExecutionResult result)
    {
        context.Response.ContentType = mediaType + "; charset=utf-8";
        return serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    private static int StatusCodeFor(ExecutionResult result, string mediaType)
    {
        if (result.Executed || result.Errors is not { Count: > 0 } errors)
        {
            return StatusCodes.Status200OK;
        }

        if (errors.Any(e => e is AuthenticationRequiredError))
        {
            return StatusCodes.Status401Unauthorized;
        }

        if (errors.Any(e => e is OperationNotAllowedOverGetError))
        {
            return StatusCodes.Status405MethodNotAllowed;
        }

        if (errors.Any(e => e is UnhandledError && e.InnerException is not GraphQLParserException))
        {
            // Failed before execution for a reason that is not the client's (e.g. a store is down).
            return StatusCodes.Status500InternalServerError;
        }

        return mediaType == GraphQLMediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
    }
}
