using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Yarp.ReverseProxy.Forwarder;
using WorkoutTracker.Bff.Security;
using WorkoutTracker.Bff.Session;

namespace WorkoutTracker.Bff.Proxy;

/// <summary>
/// The <c>/graphql</c> WebSocket leg of the proxy, as the last step of YARP's pipeline (after load
/// balancing, so passive health and the retry on another instance apply). YARP would copy frames
/// opaquely; this relay reads each client message so that it can
/// <list type="bullet">
/// <item>refuse an athlete's <c>subscribe</c> whose document is not in the persisted manifest (an
///   <c>error</c> message for that id, code <c>PERSISTED_QUERY_REQUIRED</c>; the socket stays open),</item>
/// <item>drop a token a client put in <c>connection_init</c>: the server authenticates the socket by the
///   user's token that the relay puts on the upgrade request.</item>
/// </list>
/// Server messages and close codes are passed on unchanged.
/// </summary>
public sealed partial class GraphQLWebSocketRelay(PersistedOperationAllowlist allowlist, ILogger<GraphQLWebSocketRelay> logger)
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

            using var client = await context.WebSockets.AcceptWebSocketAsync(upstream.SubProtocol);
            await RelayAsync(client, upstream, checkAllowlist: !context.User.IsCoach(), context.RequestAborted);
        }
        finally
        {
            upstream.Dispose();
        }
    }

    private async Task RelayAsync(WebSocket client, WebSocket server, bool checkAllowlist, CancellationToken aborted)
    {
        using var clientSend = new SemaphoreSlim(1, 1);
        var toServer = PumpClientMessagesAsync(client, server, clientSend, checkAllowlist, aborted);
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
    private async Task PumpClientMessagesAsync(WebSocket client, WebSocket server, SemaphoreSlim clientSend, bool checkAllowlist, CancellationToken aborted)
    {
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

                ReadOnlyMemory<byte> message = buffer.WrittenMemory;
                if (frame.MessageType == WebSocketMessageType.Text)
                {
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

                    message = inspected.Forward ?? message;
                }

                await server.SendAsync(message, frame.MessageType, endOfMessage: true, aborted);
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

    private readonly record struct Inspection(ReadOnlyMemory<byte>? Forward, byte[]? Reply, string? Close);

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
        if (type == "connection_init" && message["payload"] is JsonObject init && RemoveTokens(init))
        {
            return new(Encoding.UTF8.GetBytes(message.ToJsonString()), null, null);
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

    private static bool RemoveTokens(JsonObject payload)
    {
        var names = payload.Select(p => p.Key)
            .Where(k => k.Equals("authorization", StringComparison.OrdinalIgnoreCase) || k.Equals("token", StringComparison.OrdinalIgnoreCase))
            .ToList();
        foreach (var name in names)
        {
            payload.Remove(name);
        }

        return names.Count > 0;
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

    [LoggerMessage(LogLevel.Information, "GraphQL WebSocket: refused an athlete's subscribe ({Code})")]
    private static partial void LogRefused(ILogger logger, string code);
}
