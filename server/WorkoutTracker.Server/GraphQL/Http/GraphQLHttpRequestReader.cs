using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace WorkoutTracker.Server.GraphQL.Http;

/// <summary>What reading an HTTP request produced: a GraphQL request, or the status and error to answer.</summary>
public readonly record struct ReadResult(GraphQLRequest? Request, int StatusCode, InvalidGraphQLRequestError? Error)
{
    public static ReadResult Ok(GraphQLRequest request) => new(request, StatusCodes.Status200OK, null);

    public static ReadResult Fail(int status, string code, string message) => new(null, status, new InvalidGraphQLRequestError(code, message));
}

/// <summary>
/// Reads a GraphQL-over-HTTP request: GET with <c>query</c>/<c>documentId</c>, <c>operationName</c>,
/// <c>variables</c> and <c>extensions</c> in the query string, or POST with an <c>application/json</c>
/// body. Every malformed input becomes a 4xx with a GraphQL error body, never an exception.
/// </summary>
public sealed class GraphQLHttpRequestReader(IGraphQLTextSerializer serializer, IOptions<GraphQLEndpointOptions> options)
{
    private readonly GraphQLEndpointOptions _options = options.Value;

    public async Task<ReadResult> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var result = HttpMethods.IsGet(request.Method)
            ? ReadGet(request)
            : await ReadPostAsync(request, cancellationToken);
        if (result.Request is not { } graphQLRequest)
        {
            return result;
        }

        result = ApolloPersistedQuery.Apply(graphQLRequest);
        if (result.Request is { Query: null, DocumentId: null })
        {
            return ReadResult.Fail(StatusCodes.Status400BadRequest, "QUERY_MISSING", "The request has neither a 'query' nor a 'documentId'.");
        }

        if (result.Request is { Query: not null, DocumentId: not null })
        {
            return ReadResult.Fail(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "Send either a 'query' or a 'documentId', not both.");
        }

        return result;
    }

    private ReadResult ReadGet(HttpRequest request)
    {
        if (request.QueryString.Value?.Length > _options.MaxQueryStringLength)
        {
            return ReadResult.Fail(StatusCodes.Status414UriTooLong, "REQUEST_TOO_LARGE", $"The query string is longer than {_options.MaxQueryStringLength} characters.");
        }

        var query = request.Query;
        try
        {
            var graphQLRequest = new GraphQLRequest
            {
                Query = Single(query, "query"),
                OperationName = Single(query, "operationName"),
                DocumentId = Single(query, "documentId") ?? Single(query, "id"),
                Variables = Single(query, "variables") is { } variables ? serializer.Deserialize<Inputs>(variables) : null,
                Extensions = Single(query, "extensions") is { } extensions ? serializer.Deserialize<Inputs>(extensions) : null,
            };
            return ReadResult.Ok(graphQLRequest);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return ReadResult.Fail(StatusCodes.Status400BadRequest, "INVALID_JSON", $"'variables' and 'extensions' must be JSON objects: {ex.Message}");
        }
        catch (DuplicateParameterException ex)
        {
            return ReadResult.Fail(StatusCodes.Status400BadRequest, "INVALID_REQUEST", ex.Message);
        }
    }

    private async Task<ReadResult> ReadPostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return ReadResult.Fail(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "POST bodies must be 'application/json' (UTF-8).");
        }

        if (request.ContentLength > _options.MaxRequestBodyBytes)
        {
            return TooLarge();
        }

        // Kestrel enforces the same limit while streaming when no Content-Length was sent.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = _options.MaxRequestBodyBytes;
        }

        using var body = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(body, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }

        if (body.Length > _options.MaxRequestBodyBytes)
        {
            return TooLarge();
        }

        if (body.Length == 0)
        {
            return ReadResult.Fail(StatusCodes.Status400BadRequest, "INVALID_JSON", "The request body is empty.");
        }

        body.Position = 0;
        try
        {
            var first = FirstToken(body.GetBuffer().AsSpan(0, (int)body.Length));
            if (first != JsonTokenType.StartObject)
            {
                return ReadResult.Fail(
                    StatusCodes.Status400BadRequest,
                    first == JsonTokenType.StartArray ? "BATCH_NOT_SUPPORTED" : "INVALID_REQUEST",
                    first == JsonTokenType.StartArray ? "Batched requests are not supported: send one operation per request." : "The request body must be a JSON object.");
            }

            var graphQLRequest = await serializer.ReadAsync<GraphQLRequest>(body, cancellationToken);
            return graphQLRequest is null
                ? ReadResult.Fail(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "The request body must be a JSON object.")
                : ReadResult.Ok(graphQLRequest);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or NotSupportedException or DecoderFallbackException)
        {
            return ReadResult.Fail(StatusCodes.Status400BadRequest, "INVALID_JSON", $"The request body is not a valid GraphQL JSON request: {ex.Message}");
        }
    }

    private ReadResult TooLarge() =>
        ReadResult.Fail(StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE", $"The request body is larger than {_options.MaxRequestBodyBytes} bytes.");

    private static JsonTokenType FirstToken(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        return reader.Read() ? reader.TokenType : JsonTokenType.None;
    }

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return false;
        }

        var charsetOk = !mediaType.Charset.HasValue ||
                        mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) ||
                        mediaType.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
        return charsetOk && mediaType.MediaType.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase);
    }

    private static string? Single(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        return values.Count == 1 ? values[0] : throw new DuplicateParameterException(name);
    }

    private sealed class DuplicateParameterException(string name) : Exception($"The query parameter '{name}' is given more than once.");
}
