using System.Buffers;
using System.Text.Json;

namespace WorkoutTracker.Server.GraphQL.Http.WebSockets;

/// <summary>
/// Names and close codes of the <c>graphql-transport-ws</c> protocol (enisdenjo/graphql-ws PROTOCOL.md),
/// and the strict reading of a client message.
/// </summary>
public static class GraphQLWsProtocol
{
    public const string SubProtocol = "graphql-transport-ws";

    public static class MessageTypes
    {
        public const string ConnectionInit = "connection_init";
        public const string ConnectionAck = "connection_ack";
        public const string Ping = "ping";
        public const string Pong = "pong";
        public const string Subscribe = "subscribe";
        public const string Next = "next";
        public const string Error = "error";
        public const string Complete = "complete";
    }

    public static class CloseCodes
    {
        public const int BadRequest = 4400;
        public const int Unauthorized = 4401;
        public const int Forbidden = 4403;
        public const int SubprotocolNotAcceptable = 4406;
        public const int ConnectionInitialisationTimeout = 4408;
        public const int SubscriberAlreadyExists = 4409;
        public const int TooManyInitialisationRequests = 4429;

        /// <summary>Ours, not the protocol's: the client sent more messages per second than the socket accepts.</summary>
        public const int TooManyMessages = 4420;
        public const int InternalServerError = 4500;
    }

    /// <summary>
    /// Reads one client message. Returns <c>null</c> and a reason (a 4400 close) when it is not JSON,
    /// not an object, has an unknown or server-only type, or a field of the wrong shape.
    /// </summary>
    public static ClientMessage? Parse(ReadOnlySequence<byte> utf8, out string? error)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            error = "Invalid message received: not JSON";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "Invalid message received: a message is a JSON object";
                return null;
            }

            if (!root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                error = "Invalid message received: 'type' must be a string";
                return null;
            }

            var type = typeElement.GetString()!;
            var payload = root.TryGetProperty("payload", out var p) && p.ValueKind != JsonValueKind.Null ? p.Clone() : (JsonElement?)null;
            var id = root.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            error = type switch
            {
                MessageTypes.ConnectionInit or MessageTypes.Ping or MessageTypes.Pong =>
                    payload is { ValueKind: not JsonValueKind.Object } ? $"Invalid message received: '{type}' payload must be an object" : null,
                MessageTypes.Subscribe => string.IsNullOrEmpty(id) ? "Invalid message received: 'subscribe' needs a non-empty string 'id'" : SubscribePayloadError(payload),
                MessageTypes.Complete => string.IsNullOrEmpty(id) ? "Invalid message received: 'complete' needs a non-empty string 'id'" : null,
                _ => "Invalid message received: unexpected type",
            };
            return error is null ? new ClientMessage(type, id, payload) : null;
        }
    }

    private static string? SubscribePayloadError(JsonElement? payload)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } request)
        {
            return "Invalid message received: 'subscribe' payload must be an object";
        }

        // The spec requires a query; a persisted document may be named by 'documentId' instead.
        var hasQuery = request.TryGetProperty("query", out var query) && query.ValueKind == JsonValueKind.String;
        var hasDocumentId = request.TryGetProperty("documentId", out var documentId) && documentId.ValueKind == JsonValueKind.String;
        if (!hasQuery && !hasDocumentId)
        {
            return "Invalid message received: 'subscribe' payload needs a string 'query'";
        }

        return Is(request, "operationName", JsonValueKind.String) && Is(request, "variables", JsonValueKind.Object) && Is(request, "extensions", JsonValueKind.Object)
            ? null
            : "Invalid message received: 'operationName' must be a string, 'variables' and 'extensions' objects";
    }

    /// <summary>Absent, null or of the given kind.</summary>
    private static bool Is(JsonElement request, string name, JsonValueKind kind) =>
        !request.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null || value.ValueKind == kind;
}

/// <summary>A client message that passed <see cref="GraphQLWsProtocol.Parse"/>.</summary>
public sealed record ClientMessage(string Type, string? Id, JsonElement? Payload);
