using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Yarp.ReverseProxy.Forwarder;
using WorkoutTracker.Bff.Security;
using Microsoft.AspNetCore.Authentication;
using WorkoutTracker.Bff.Session;

namespace WorkoutTracker.Bff.Proxy;

/// <summary>
/// The <c>/graphql</c> WebSocket leg of the proxy, as the last step of YARP's pipeline (after load
/// balancing, so passive health and the retry on another instance apply). YARP would copy frames
/// opaquely; this relay reads each client message so that it can
/// <list type="bullet">
/// <item>refuse an athlete's <c>subscribe</c> whose document is not in the persisted manifest (an
///   <c>error</c> message for that id, code <c>PERSISTED_QUERY_REQUIRED</c>; the socket stays open),</item>
/// <item>drop the payload of <c>connection_init</c> and <c>ping</c>, whatever it holds and however its keys
///   are spelled: the server authenticates the socket by the user's token that the relay puts on the upgrade
///   request, and only the relay may hand it a renewed one;</item>
/// <item>refuse binary frames (close 4400): the protocol is JSON text, and a frame the relay does not read
///   is a frame it cannot check.</item>
/// </list>
/// For the socket's whole life it also holds it to the BFF session: when the session's access token is
/// renewed, the new token goes to the server in a <c>ping</c> whose payload carries it (the server renews
/// the socket's credentials in place; any graphql-transport-ws server would just answer the ping), so
/// subscriptions survive the renewal; when the session ends (logout on any instance, signalled through
/// <see cref="SessionEndSignals"/>, or found gone or expired by a periodic check) the client's socket
/// closes 4403. Server messages and close codes are passed on unchanged.
/// </summary>
public sealed partial class GraphQLWebSocketRelay(
    PersistedOperationAllowlist allowlist,
    PostgresTicketStore sessions,
    SessionEndSignals sessionEnds,
    IUserAccessTokens tokens,
    Microsoft.Extensions.Options.IOptions<WorkoutTracker.Bff.Session.SessionOptions> sessionOptions,
    ILogger<GraphQLWebSocketRelay> logger)
{
    /// <summary>Largest client message relayed (the server's own limit is the same 64 KiB); larger ones close the socket 1009.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next, string userToken)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await next(context);
            return;
        }

        var proxy = context.GetReverseProxyFeature();
        if (proxy.AvailableDestinations is not [var destination, ..])
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        proxy.ProxiedDestination = destination;
        var upstream = new ClientWebSocket();
        try
        {
            foreach (var protocol in context.WebSockets.WebSocketRequestedProtocols)
            {
                upstream.Options.AddSubProtocol(protocol);
            }

            upstream.Options.SetRequestHeader("Authorization", "Bearer " + userToken);
            upstream.Options.CollectHttpResponseDetails = true;
            try
            {
                using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
                connectTimeout.CancelAfter(TimeSpan.FromSeconds(10));
                await upstream.ConnectAsync(ServerUri(destination.Model.Config.Address, context.Request), connectTimeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or HttpRequestException)
            {
                LogUpstreamFailed(logger, destination.DestinationId, ex.Message);
                context.Features.Set<IForwarderErrorFeature>(new RelayError(ForwarderError.UpgradeRequestDestination, ex));
                context.Response.StatusCode = StatusCodes.Status502BadGateway;
                return;
            }

            var session = await context.AuthenticateAsync();
            var sessionKey = session.Properties?.Items.TryGetValue(PostgresTicketStore.SessionKeyItem, out var key) == true ? key : null;
            using var client = await context.WebSockets.AcceptWebSocketAsync(upstream.SubProtocol);
            var relay = new Relay(client, upstream);
            using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            var guard = GuardSessionAsync(context, sessionKey, userToken, relay, ended.Token);
            await RelayAsync(relay, checkAllowlist: !context.User.IsCoach(), context.RequestAborted);
            await ended.CancelAsync();
            await guard;
        }
        finally
        {
            upstream.Dispose();
        }
    }

    private async Task RelayAsync(Relay relay, bool checkAllowlist, CancellationToken aborted)
    {
        var (client, server) = (relay.Client, relay.Server);
        var clientSend = relay.ClientSend;
        var toServer = PumpClientMessagesAsync(relay, checkAllowlist, aborted);
        var toClient = PumpServerFramesAsync(server, client, clientSend, aborted);
        await Task.WhenAny(toServer, toClient);
        var both = Task.WhenAll(toServer, toClient);
        if (await Task.WhenAny(both, Task.Delay(CloseGrace, CancellationToken.None)) != both)
        {
            client.Abort();
            server.Abort();
        }

        await both;
    }

    /// <summary>Client → server, one whole message at a time, inspected before it is sent on.</summary>
    private async Task PumpClientMessagesAsync(Relay relay, bool checkAllowlist, CancellationToken aborted)
    {
        var (client, server, clientSend) = (relay.Client, relay.Server, relay.ClientSend);
        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult frame;
                do
                {
                    frame = await client.ReceiveAsync(buffer.GetMemory(4096), aborted);
                    if (frame.MessageType == WebSocketMessageType.Close)
                    {
                        await CloseAsync(server, client.CloseStatus, client.CloseStatusDescription);
                        return;
                    }

                    buffer.Advance(frame.Count);
                    if (buffer.WrittenCount > MaxMessageBytes)
                    {
                        await CloseBothAsync(client, server, clientSend, WebSocketCloseStatus.MessageTooBig, $"Message larger than {MaxMessageBytes} bytes");
                        return;
                    }
                }
                while (!frame.EndOfMessage);

                if (frame.MessageType != WebSocketMessageType.Text)
                {
                    await CloseBothAsync(client, server, clientSend, (WebSocketCloseStatus)4400, "Invalid message received: binary frames are not accepted");
                    return;
                }

                ReadOnlyMemory<byte> message = buffer.WrittenMemory;
                var inspected = Inspect(message.Span, checkAllowlist);
                if (inspected.Close is { } reason)
                {
                    await CloseBothAsync(client, server, clientSend, (WebSocketCloseStatus)4400, reason);
                    return;
                }

                if (inspected.Reply is { } reply)
                {
                    await SendAsync(client, clientSend, reply, aborted);
                    continue;
                }

                await relay.SendToServerAsync(inspected.Forward ?? message, aborted);
                if (inspected.IsConnectionInit)
                {
                    relay.InitForwarded.TrySetResult();
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            server.Abort();
        }
    }

    /// <summary>Server → client, frame by frame, unchanged; the server's close (code and reason) is passed on.</summary>
    private static async Task PumpServerFramesAsync(WebSocket server, WebSocket client, SemaphoreSlim clientSend, CancellationToken aborted)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var frame = await server.ReceiveAsync(buffer.AsMemory(), aborted);
                if (frame.MessageType == WebSocketMessageType.Close)
                {
                    await clientSend.WaitAsync(aborted);
                    try
                    {
                        await CloseAsync(client, server.CloseStatus, server.CloseStatusDescription);
                    }
                    finally
                    {
                        clientSend.Release();
                    }

                    return;
                }

                await clientSend.WaitAsync(aborted);
                try
                {
                    await client.SendAsync(buffer.AsMemory(0, frame.Count), frame.MessageType, frame.EndOfMessage, aborted);
                }
                finally
                {
                    clientSend.Release();
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            client.Abort();
        }
    }

    private readonly record struct Inspection(ReadOnlyMemory<byte>? Forward, byte[]? Reply, string? Close, bool IsConnectionInit = false);

    /// <summary>
    /// What to do with a client message: send it on (possibly rewritten), answer it here, or close the
    /// socket (4400) when an athlete's message cannot be read unambiguously.
    /// </summary>
    private Inspection Inspect(ReadOnlySpan<byte> utf8, bool checkAllowlist)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return checkAllowlist ? new(null, null, "Invalid message received: not JSON") : default;
        }

        if (node is not JsonObject message)
        {
            return default; // the server closes 4400
        }

        if (HasDuplicateNames(utf8))
        {
            return new(null, null, "Invalid message received: a field appears more than once");
        }

        var type = message["type"] is JsonValue typeValue && typeValue.TryGetValue<string>(out var t) ? t : null;
        if (string.Equals(type, "connection_init", StringComparison.OrdinalIgnoreCase) || string.Equals(type, "ping", StringComparison.OrdinalIgnoreCase))
        {
            // Credentials come from the session only: whatever the payload holds (any spelling of a token, nested headers) is dropped.
            var bare = JsonSerializer.SerializeToUtf8Bytes(new { type });
            return new(bare, null, null, IsConnectionInit: type == "connection_init");
        }

        if (!checkAllowlist || !string.Equals(type, "subscribe", StringComparison.OrdinalIgnoreCase))
        {
            return default;
        }

        using var document = JsonDocument.Parse(utf8.ToArray());
        var payload = document.RootElement.TryGetProperty("payload", out var p) ? p : default;
        var (operation, error) = PersistedOperationAllowlist.Read(payload);
        var decision = operation is null
            ? AllowlistDecision.Refuse(PersistedOperationAllowlist.InvalidCode, error ?? "The subscribe payload is not a GraphQL request.")
            : allowlist.Check(operation);
        if (decision.Allowed)
        {
            return default;
        }

        var id = message["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var i) ? i : null;
        if (string.IsNullOrEmpty(id))
        {
            return default; // the server closes 4400 for a subscribe without an id
        }

        LogRefused(logger, decision.Code!);
        var reply = JsonSerializer.SerializeToUtf8Bytes(new
        {
            id,
            type = "error",
            payload = new[] { AllowlistHttpCheck.ErrorObject(decision.Code!, decision.Message!) },
        }, AllowlistHttpCheck.Json);
        return new(null, reply, null);
    }

    /// <summary>
    /// Holds the socket to its BFF session: renews the server's credentials when the session's token is
    /// renewed, and ends the socket (4403) when the session ends. Checks at the token's renewal time and at
    /// least every <see cref="WorkoutTracker.Bff.Session.SessionOptions.WebSocketCheckInterval"/>; a logout anywhere ends it at once.
    /// </summary>
    private async Task GuardSessionAsync(HttpContext context, string? sessionKey, string token, Relay relay, CancellationToken ended)
    {
        if (sessionKey is null)
        {
            return;
        }

        using var loggedOut = CancellationTokenSource.CreateLinkedTokenSource(ended);
        using var watch = sessionEnds.Watch(sessionKey, () =>
        {
            try
            {
                loggedOut.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // the relay already ended
            }
        });
        var current = token;
        try
        {
            while (true)
            {
                try
                {
                    await Task.Delay(NextCheck(current), loggedOut.Token);
                }
                catch (OperationCanceledException) when (!ended.IsCancellationRequested)
                {
                    LogSessionEnded(logger, "logged out");
                    await relay.EndAsync(4403, "Session ended");
                    return;
                }

                if (await sessions.RetrieveAsync(sessionKey) is null || await tokens.GetAsync(context, ended) is not { } fresh)
                {
                    LogSessionEnded(logger, "gone or expired");
                    await relay.EndAsync(4403, "Session ended");
                    return;
                }

                if (fresh != current)
                {
                    await relay.InitForwarded.Task.WaitAsync(ended);
                    await relay.SendToServerAsync(JsonSerializer.SerializeToUtf8Bytes(new { type = "ping", payload = new { authorization = "Bearer " + fresh } }), ended);
                    current = fresh;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // the relay ended
        }
    }

    /// <summary>When to look at the session again: when its token is due for renewal, but at least every check interval (and not sooner than a second).</summary>
    private TimeSpan NextCheck(string token)
    {
        var options = sessionOptions.Value;
        var now = DateTimeOffset.UtcNow;
        DateTimeOffset expires;
        try
        {
            expires = new DateTimeOffset(new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).ValidTo, TimeSpan.Zero);
        }
        catch (ArgumentException)
        {
            return options.WebSocketCheckInterval;
        }

        // A second past the renewal time, so the session's own clock (set when the BFF received the token) agrees it is due.
        var renewal = expires - options.RefreshBeforeExpiry + TimeSpan.FromSeconds(1);
        var wait = renewal > now ? renewal - now : (expires - now) / 2;
        return TimeSpan.FromTicks(Math.Clamp(wait.Ticks, TimeSpan.TicksPerSecond, options.WebSocketCheckInterval.Ticks));
    }

    /// <summary>The two sockets of one relayed connection; each direction's sends are serialised.</summary>
    private sealed class Relay(WebSocket client, WebSocket server)
    {
        public WebSocket Client => client;

        public WebSocket Server => server;

        public SemaphoreSlim ClientSend { get; } = new(1, 1);

        public SemaphoreSlim ServerSend { get; } = new(1, 1);

        /// <summary>Completes once the client's <c>connection_init</c> went to the server (credentials may be renewed only after it).</summary>
        public TaskCompletionSource InitForwarded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task SendToServerAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
        {
            await ServerSend.WaitAsync(cancellationToken);
            try
            {
                await server.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
            finally
            {
                ServerSend.Release();
            }
        }

        public Task EndAsync(int code, string reason) => CloseBothAsync(client, server, ClientSend, (WebSocketCloseStatus)code, reason);
    }

    /// <summary>Whether the message object names <c>type</c>, <c>id</c> or <c>payload</c> twice (readers disagree on which one wins).</summary>
    private static bool HasDuplicateNames(ReadOnlySpan<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8.ToArray());
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return document.RootElement.EnumerateObject().Any(p => !seen.Add(p.Name));
    }

    private static async Task SendAsync(WebSocket client, SemaphoreSlim clientSend, byte[] message, CancellationToken aborted)
    {
        await clientSend.WaitAsync(aborted);
        try
        {
            await client.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, aborted);
        }
        finally
        {
            clientSend.Release();
        }
    }

    private static async Task CloseBothAsync(WebSocket client, WebSocket server, SemaphoreSlim clientSend, WebSocketCloseStatus status, string reason)
    {
        await clientSend.WaitAsync(CancellationToken.None);
        try
        {
            await CloseAsync(client, status, reason);
        }
        finally
        {
            clientSend.Release();
        }

        await CloseAsync(server, WebSocketCloseStatus.NormalClosure, "");
    }

    private static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus? status, string? reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(CloseGrace);
            await socket.CloseOutputAsync(status ?? WebSocketCloseStatus.NormalClosure, reason ?? "", timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            socket.Abort();
        }
    }

    private static Uri ServerUri(string destination, HttpRequest request)
    {
        var target = new UriBuilder(new Uri(new Uri(destination), "graphql"))
        {
            Query = request.QueryString.HasValue ? request.QueryString.Value![1..] : "",
        };
        target.Scheme = target.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
        return target.Uri;
    }

    private sealed class RelayError(ForwarderError error, Exception exception) : IForwarderErrorFeature
    {
        public ForwarderError Error => error;

        public Exception? Exception => exception;
    }

    [LoggerMessage(LogLevel.Warning, "GraphQL WebSocket: could not connect to server {Destination}: {Reason}")]
    private static partial void LogUpstreamFailed(ILogger logger, string destination, string reason);

    [LoggerMessage(LogLevel.Information, "GraphQL WebSocket: the session ended ({How}); closing 4403")]
    private static partial void LogSessionEnded(ILogger logger, string how);

    [LoggerMessage(LogLevel.Information, "GraphQL WebSocket: refused an athlete's subscribe ({Code})")]
    private static partial void LogRefused(ILogger logger, string code);
}
