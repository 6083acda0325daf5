using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Channels;
using WorkoutTracker.Server.GraphQL.Subscriptions;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using static WorkoutTracker.Server.GraphQL.Http.WebSockets.GraphQLWsProtocol;

namespace WorkoutTracker.Server.GraphQL.Http.WebSockets;

/// <summary>What a connection needs from its host; one instance serves every socket.</summary>
internal sealed record GraphQLWebSocketServices(
    IDocumentExecuter Executer,
    IGraphQLTextSerializer Serializer,
    IGraphQLWebSocketAuthenticator Authenticator,
    IServiceScopeFactory Scopes,
    GraphQLEndpointOptions Options,
    IReadOnlyList<IValidationRule> ValidationRules,
    IReadOnlyList<IValidationRule> PerRequestValidationRules,
    ILogger Logger,
    IGraphQLWebSocketOperationGate? Gate = null,
    TimeProvider? Clock = null);

/// <summary>
/// One <c>graphql-transport-ws</c> socket. A receive loop reads client messages one at a time and
/// enforces the protocol; every operation runs on its own task and DI scope; a single send loop writes
/// outgoing messages in order, so only one writer touches the socket. Any close (protocol error,
/// client close, shutdown) stops every operation and disposes its event stream.
/// </summary>
internal sealed partial class GraphQLWebSocketConnection : IDisposable
{
    /// <summary>Time the peer has, once a close was decided, to finish the close handshake.</summary>
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    /// <summary>JSON as the HTTP side writes it: "+00:00", not "\u002B00:00".</summary>
    private static readonly JsonSerializerOptions ReadableJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly WebSocket _socket;
    private readonly HttpContext _http;
    private readonly GraphQLWebSocketServices _services;
    private readonly ILogger _logger;
    private readonly Channel<byte[]> _outgoing;
    private readonly CancellationTokenSource _abort;
    private readonly CancellationTokenRegistration _stopping;
    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.Ordinal);
    private (WebSocketCloseStatus Status, string Reason)? _close;
    private int _closeRequested;
    private volatile bool _initReceived;
    private bool _acknowledged;
    private ClaimsPrincipal _user = new(new ClaimsIdentity());
    private CancellationTokenSource? _credentialsExpire;
    private CancellationTokenRegistration _onCredentialsExpired;
    private long _rateWindowStart = Environment.TickCount64;
    private int _messagesInWindow;

    public GraphQLWebSocketConnection(WebSocket socket, HttpContext http, GraphQLWebSocketServices services, CancellationToken stopping)
    {
        _socket = socket;
        _http = http;
        _services = services;
        _logger = services.Logger;
        _outgoing = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(services.Options.WebSockets.MaxPendingMessages) { SingleReader = true });
        _abort = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        _stopping = stopping.Register(() => RequestClose(WebSocketCloseStatus.EndpointUnavailable, "Server shutting down"));
    }

    /// <summary>Serves the socket until it closes. Never throws for network or protocol reasons.</summary>
    public async Task RunAsync(bool subProtocolAccepted)
    {
        var sending = SendLoopAsync();
        using var initTimeout = new CancellationTokenSource(_services.Options.WebSockets.ConnectionInitTimeout, _services.Clock ?? TimeProvider.System);
        using var onInitTimeout = initTimeout.Token.Register(() =>
        {
            if (!_initReceived)
            {
                RequestClose(CloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
            }
        });

        if (!subProtocolAccepted)
        {
            RequestClose(CloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable");
        }

        try
        {
            await ReceiveLoopAsync();
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            _logger.LogDebug(ex, "WebSocket receive ended");
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "WebSocket connection failed");
            RequestClose(CloseCodes.InternalServerError, "Internal server error");
        }
        finally
        {
            RequestClose(WebSocketCloseStatus.NormalClosure, "");
            var running = _operations.Values.ToArray();
            foreach (var operation in running)
            {
                operation.Stop();
            }

            await Task.WhenAll(running.Select(o => o.Running));
            await sending;
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        var maxBytes = _services.Options.WebSockets.MaxMessageBytes;
        while (true)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult frame;
            do
            {
                frame = await _socket.ReceiveAsync(buffer.GetMemory(4096), _abort.Token);
                if (frame.MessageType == WebSocketMessageType.Close)
                {
                    RequestClose(WebSocketCloseStatus.NormalClosure, "");
                    return;
                }

                buffer.Advance(frame.Count);
            }
            while (!frame.EndOfMessage && buffer.WrittenCount <= maxBytes);

            if (Volatile.Read(ref _closeRequested) == 1)
            {
                continue; // closing: wait for the peer's close frame, ignore the rest
            }

            if (buffer.WrittenCount > maxBytes)
            {
                RequestClose(WebSocketCloseStatus.MessageTooBig, $"Message larger than {maxBytes} bytes");
                continue;
            }

            if (frame.MessageType == WebSocketMessageType.Binary)
            {
                // The protocol's messages are JSON text; a binary frame is not one of them (and must not slip past a proxy that reads text).
                RequestClose(CloseCodes.BadRequest, "Invalid message received: binary frames are not accepted");
                continue;
            }

            if (!WithinMessageRate())
            {
                RequestClose(CloseCodes.TooManyMessages, $"Too many messages: at most {_services.Options.WebSockets.MaxMessagesPerSecond} per second");
                continue;
            }

            var message = Parse(new ReadOnlySequence<byte>(buffer.WrittenMemory), out var error);
            if (message is null)
            {
                RequestClose(CloseCodes.BadRequest, error!);
                continue;
            }

            await HandleAsync(message);
        }
    }

    /// <summary>A fixed one-second window: more than <c>MaxMessagesPerSecond</c> client messages in it closes the socket.</summary>
    private bool WithinMessageRate()
    {
        var now = Environment.TickCount64;
        if (now - _rateWindowStart >= 1000)
        {
            _rateWindowStart = now;
            _messagesInWindow = 0;
        }

        return ++_messagesInWindow <= _services.Options.WebSockets.MaxMessagesPerSecond;
    }

    private async Task HandleAsync(ClientMessage message)
    {
        switch (message.Type)
        {
            case MessageTypes.ConnectionInit:
                await InitializeAsync(message.Payload);
                return;
            case MessageTypes.Ping when TokenFromPayload(message.Payload).Found:
                await ReauthenticateAsync(message.Payload);
                return;
            case MessageTypes.Ping:
                Enqueue(MessageTypes.Pong, payloadJson: message.Payload?.GetRawText());
                return;
            case MessageTypes.Pong:
                return;
        }

        if (!_acknowledged)
        {
            RequestClose(CloseCodes.Unauthorized, "Unauthorized");
        }
        else if (message.Type == MessageTypes.Subscribe)
        {
            Subscribe(message.Id!, message.Payload!.Value);
        }
        else if (_operations.TryRemove(message.Id!, out var operation))
        {
            operation.Stop(); // complete: the client stopped listening; nothing more is sent for it
        }
    }

    private async Task InitializeAsync(JsonElement? payload)
    {
        if (_initReceived)
        {
            RequestClose(CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        _initReceived = true;
        var user = await AuthenticateAsync(payload);
        if (user is null)
        {
            RequestClose(CloseCodes.Forbidden, "Forbidden");
            return;
        }

        _user = user;
        _acknowledged = true;
        Enqueue(MessageTypes.ConnectionAck, payloadJson: ExpireWith(user));
    }

    /// <summary>
    /// A <c>ping</c> whose payload carries a token (as <c>connection_init</c> may) renews the socket's
    /// credentials without dropping its operations: a proxy that refreshed the user's token hands it on
    /// this way, and any graphql-transport-ws peer just answers the ping. The token must be valid and name
    /// the same user, else the socket closes 4403. The <c>pong</c> carries the new expiry, never the token.
    /// </summary>
    private async Task ReauthenticateAsync(JsonElement? payload)
    {
        if (!_acknowledged)
        {
            Enqueue(MessageTypes.Pong);
            return;
        }

        var (_, token) = TokenFromPayload(payload);
        var user = token is null ? null : await _services.Authenticator.AuthenticateAsync(_http, token, _abort.Token);
        if (user is null || SubjectOf(user) is not { } subject || subject != SubjectOf(_user))
        {
            RequestClose(CloseCodes.Forbidden, "Forbidden");
            return;
        }

        _user = user;
        Enqueue(MessageTypes.Pong, payloadJson: ExpireWith(user));
    }

    /// <summary>
    /// Schedules the 4403 close for when the user's credentials stop being valid (the token's expiry plus
    /// the clock skew HTTP requests get), replacing any earlier schedule; returns the ack/pong payload
    /// naming that time, or null when the credentials do not expire.
    /// </summary>
    private string? ExpireWith(ClaimsPrincipal user)
    {
        _onCredentialsExpired.Dispose();
        _credentialsExpire?.Dispose();
        _credentialsExpire = null;
        if (_services.Authenticator.ValidUntil(_http, user) is not { } validUntil)
        {
            return null;
        }

        _credentialsExpire = new CancellationTokenSource();
        _onCredentialsExpired = _credentialsExpire.Token.Register(() => RequestClose(CloseCodes.Forbidden, "Token expired"));
        _credentialsExpire.CancelAfter(TimeSpan.FromMilliseconds(Math.Clamp((validUntil - DateTimeOffset.UtcNow).TotalMilliseconds, 0, int.MaxValue - 1)));
        return JsonSerializer.Serialize(new { expiresAt = validUntil }, ReadableJson);
    }

    private static string? SubjectOf(ClaimsPrincipal user) =>
        user.FindFirst("sub")?.Value ?? user.FindFirst("oid")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value;

    /// <summary>
    /// A token in the payload (<c>authorization</c>/<c>Authorization</c>: "Bearer …", or <c>token</c>)
    /// wins; otherwise the upgrade request's own user or Authorization header (a proxy may add it).
    /// Credentials that do not validate, or none when the endpoint requires a user, are refused (4403):
    /// a socket's operations all run as one user, so there is nothing to serve anonymously.
    /// </summary>
    private async Task<ClaimsPrincipal?> AuthenticateAsync(JsonElement? payload)
    {
        var (found, token) = TokenFromPayload(payload);
        if (!found && _http.User.Identity?.IsAuthenticated == true)
        {
            return _http.User;
        }

        if (!found)
        {
            (found, token) = Bearer(_http.Request.Headers.Authorization.ToString());
        }

        if (found)
        {
            return token is null ? null : await _services.Authenticator.AuthenticateAsync(_http, token, _abort.Token);
        }

        return _services.Options.RequireAuthenticatedUser ? null : _user;
    }

    private static (bool Found, string? Token) TokenFromPayload(JsonElement? payload)
    {
        if (payload is not { } p)
        {
            return (false, null);
        }

        foreach (var name in (ReadOnlySpan<string>)["authorization", "Authorization"])
        {
            if (p.TryGetProperty(name, out var header))
            {
                return header.ValueKind == JsonValueKind.String ? Bearer(header.GetString()!) : (true, null);
            }
        }

        return p.TryGetProperty("token", out var token)
            ? (true, token.ValueKind == JsonValueKind.String && token.GetString() is { Length: > 0 } raw ? raw : null)
            : (false, null);
    }

    private static (bool Found, string? Token) Bearer(string header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return (false, null);
        }

        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && header[Scheme.Length..].Trim() is { Length: > 0 } token
            ? (true, token)
            : (true, null);
    }

    private void Subscribe(string id, JsonElement payload)
    {
        GraphQLRequest? request;
        try
        {
            request = _services.Serializer.ReadNode<GraphQLRequest>(payload);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            request = null;
        }

        if (request is null)
        {
            RequestClose(CloseCodes.BadRequest, "Invalid message received: unreadable 'subscribe' payload");
            return;
        }

        if (_operations.Count >= _services.Options.WebSockets.MaxOperations && !_operations.ContainsKey(id))
        {
            var tooMany = new ExecutionError($"At most {_services.Options.WebSockets.MaxOperations} operations may run at once on one socket; complete one first.")
            {
                Code = "TOO_MANY_OPERATIONS",
            };
            Enqueue(MessageTypes.Error, id, _services.Serializer.Serialize(new[] { tooMany }));
            return;
        }

        var operation = new Operation(id, _abort.Token);
        if (!_operations.TryAdd(id, operation))
        {
            operation.Dispose();
            RequestClose(CloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }

        if (_services.Gate?.TryStart(_user, _http) is { } refused)
        {
            _operations.TryRemove(KeyValuePair.Create(id, operation));
            operation.Dispose();
            Enqueue(MessageTypes.Error, id, _services.Serializer.Serialize(new[] { refused }));
            return;
        }

        operation.Running = Task.Run(() => ExecuteAsync(operation, request));
    }

    private async Task ExecuteAsync(Operation operation, GraphQLRequest request)
    {
        try
        {
            if (DocumentSizeGuard.Check(request.Query, _services.Options.MaxSelections, out _) is { } tooLarge)
            {
                Finish(operation, MessageTypes.Error, _services.Serializer.Serialize(new[] { tooLarge }));
                return;
            }

            await using var scope = _services.Scopes.CreateAsyncScope();
            ExecutionResult result;
            using (var activity = GraphQLTelemetry.StartOperation("websocket"))
            {
                result = await _services.Executer.ExecuteAsync(new ExecutionOptions
                {
                    Query = request.Query,
                    DocumentId = request.DocumentId,
                    OperationName = request.OperationName,
                    Variables = request.Variables,
                    Extensions = request.Extensions,
                    User = _user,
                    RequestServices = scope.ServiceProvider,
                    CancellationToken = operation.Token,
                    Timeout = _services.Options.ExecutionTimeout,
                    ValidationRules = _services.ValidationRules,
                    CachedDocumentValidationRules = _services.PerRequestValidationRules,
                    UserContext = SelectionOf(request),
                });
                GraphQLTelemetry.Complete(activity, result, request.DocumentId);
            }

            if (result.Streams?.Values.SingleOrDefault() is { } stream)
            {
                var observer = new StreamObserver(this, operation);
                using (stream.Subscribe(observer))
                {
                    await observer.Completion.WaitAsync(operation.Token);
                }
            }
            else if (result.Executed)
            {
                SendNext(operation, result);
                Finish(operation, MessageTypes.Complete);
            }
            else
            {
                Finish(operation, MessageTypes.Error, _services.Serializer.Serialize(result.Errors?.ToArray() ?? []));
            }
        }
        catch (OperationCanceledException) when (operation.Token.IsCancellationRequested)
        {
            // The client completed the operation, or the socket is closing.
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "GraphQL operation {OperationId} over WebSocket failed", operation.Id);
            RequestClose(CloseCodes.InternalServerError, "Internal server error");
        }
        finally
        {
            _operations.TryRemove(KeyValuePair.Create(operation.Id, operation));
            operation.Dispose();
        }
    }

    /// <summary>
    /// What a subscription's events depend on: the caller (the token's subject) and the request's document,
    /// operation and variables. Subscriptions with the same selection share each event's serialized answer
    /// (<see cref="SharedEventResults"/>); without a subject nothing is shared.
    /// </summary>
    private Dictionary<string, object?> SelectionOf(GraphQLRequest request)
    {
        var context = new Dictionary<string, object?>(StringComparer.Ordinal);
        var subject = _user.FindFirst("oid")?.Value ?? _user.FindFirst("sub")?.Value;
        if (subject is not null)
        {
            context[SharedEventResults.SelectionKey] = string.Join('\n', subject, request.DocumentId, request.Query, request.OperationName,
                request.Variables is null ? "" : _services.Serializer.Serialize(request.Variables));
        }

        return context;
    }

    private void SendNext(Operation operation, ExecutionResult result)
    {
        if (operation.IsActive)
        {
            // A shared answer is already UTF-8: each socket only frames it with its operation's id.
            var payload = result is SerializedExecutionResult serialized ? serialized.Utf8 : Encoding.UTF8.GetBytes(_services.Serializer.Serialize(result));
            operation.TrySend(last: false, () => Enqueue(MessageTypes.Next, operation.Id, payload));
        }
    }

    /// <summary>
    /// Sends the operation's last message (<c>complete</c> or <c>error</c>) unless the client already
    /// completed it. The id is released first, so the client may reuse it as soon as it reads this.
    /// </summary>
    private void Finish(Operation operation, string type, string? payloadJson = null) =>
        operation.TrySend(last: true, () =>
        {
            _operations.TryRemove(KeyValuePair.Create(operation.Id, operation));
            Enqueue(type, operation.Id, payloadJson);
        });

    private void Enqueue(string type, string? id = null, string? payloadJson = null) =>
        Enqueue(type, id, payloadJson is null ? null : Encoding.UTF8.GetBytes(payloadJson));

    private void Enqueue(string type, string? id, byte[]? payloadJson)
    {
        var buffer = new ArrayBufferWriter<byte>(128 + (payloadJson?.Length ?? 0));
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ReadableJson.Encoder }))
        {
            writer.WriteStartObject();
            if (id is not null)
            {
                writer.WriteString("id", id);
            }

            writer.WriteString("type", type);
            if (payloadJson is not null)
            {
                writer.WritePropertyName("payload");
                writer.WriteRawValue(payloadJson, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        if (!_outgoing.Writer.TryWrite(buffer.WrittenSpan.ToArray()) && Volatile.Read(ref _closeRequested) == 0)
        {
            _logger.LogWarning("WebSocket client is not reading; {Pending} messages are waiting", _services.Options.WebSockets.MaxPendingMessages);
            RequestClose(WebSocketCloseStatus.PolicyViolation, "Too many pending messages");
        }
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(_abort.Token))
            {
                await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, _abort.Token);
            }

            if (_close is { } close && _socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(close.Status, close.Reason, _abort.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _logger.LogDebug(ex, "WebSocket send ended");
            await _abort.CancelAsync();
        }
    }

    private void RequestClose(int code, string reason) => RequestClose((WebSocketCloseStatus)code, reason);

    /// <summary>
    /// Decides the close once: queued messages still go out, then the close frame; the peer has
    /// <see cref="CloseGrace"/> to answer before the socket is aborted.
    /// </summary>
    private void RequestClose(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.Exchange(ref _closeRequested, 1) == 1)
        {
            return;
        }

        _close = (status, Truncate(reason));
        if (status != WebSocketCloseStatus.NormalClosure)
        {
            LogClosing(_logger, (int)status, reason);
        }

        _outgoing.Writer.TryComplete();
        try
        {
            _abort.CancelAfter(CloseGrace);
        }
        catch (ObjectDisposedException)
        {
            // Already torn down.
        }
    }

    /// <summary>A close reason is at most 123 bytes of UTF-8.</summary>
    private static string Truncate(string reason)
    {
        while (Encoding.UTF8.GetByteCount(reason) > 123)
        {
            reason = reason[..^1];
        }

        return reason;
    }

    [LoggerMessage(LogLevel.Information, "Closing GraphQL WebSocket: {Code} {Reason}")]
    private static partial void LogClosing(ILogger logger, int code, string reason);

    public void Dispose()
    {
        _onCredentialsExpired.Dispose();
        _credentialsExpire?.Dispose();
        _stopping.Dispose();
        _abort.Dispose();
    }

    private sealed class Operation : IDisposable
    {
        private readonly CancellationTokenSource _cancellation;
        private readonly Lock _gate = new();
        private volatile bool _finished;

        public Operation(string id, CancellationToken connection)
        {
            Id = id;
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(connection);
            Token = _cancellation.Token;
        }

        public string Id { get; }

        public CancellationToken Token { get; }

        public Task Running { get; set; } = Task.CompletedTask;

        public bool IsActive => !_finished;

        /// <summary>
        /// Runs <paramref name="send"/> (which only queues) while the operation is active, and ends the
        /// operation with the <paramref name="last"/> message. Atomic with <see cref="Stop"/>, so nothing
        /// is queued for an operation after the client completed it.
        /// </summary>
        public void TrySend(bool last, Action send)
        {
            lock (_gate)
            {
                if (_finished)
                {
                    return;
                }

                _finished = last;
                send();
            }
        }

        /// <summary>Stops the operation without sending anything more for it.</summary>
        public void Stop()
        {
            lock (_gate)
            {
                _finished = true;
            }

            try
            {
                _cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Already finished.
            }
        }

        public void Dispose() => _cancellation.Dispose();
    }

    /// <summary>Forwards a subscription's response stream: each result as <c>next</c>, then <c>complete</c>.</summary>
    private sealed class StreamObserver(GraphQLWebSocketConnection connection, Operation operation) : IObserver<ExecutionResult>
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Completion => _done.Task;

        public void OnNext(ExecutionResult value) => Guard(() => connection.SendNext(operation, value));

        /// <summary>A failing source stream ends the operation with its error as a result, then <c>complete</c>.</summary>
        public void OnError(Exception error) => Guard(() =>
        {
            connection.SendNext(operation, new ExecutionResult(error as ExecutionError ?? new ExecutionError("The event stream failed.")));
            connection.Finish(operation, MessageTypes.Complete);
        });

        public void OnCompleted() => Guard(() => connection.Finish(operation, MessageTypes.Complete));

        private void Guard(Action action)
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                _done.TrySetException(ex);
                return;
            }

            if (!operation.IsActive)
            {
                _done.TrySetResult();
            }
        }
    }
}
