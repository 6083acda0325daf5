using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace WorkoutTracker.Bff.Tests.Infrastructure;

/// <summary>
/// A bare <c>graphql-transport-ws</c> client that opens the BFF's /graphql socket like a browser
/// (cookie and Origin, no token) or like the native app (cookie and <c>X-CSRF</c>). A background loop
/// reads messages into a queue, so a test can wait for one with a timeout without killing the socket.
/// </summary>
public sealed class GraphQLWsClient : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly ClientWebSocket _socket;
    private readonly Channel<JsonNode> _messages = Channel.CreateUnbounded<JsonNode>();
    private readonly Task _reading;

    private GraphQLWsClient(ClientWebSocket socket)
    {
        _socket = socket;
        _reading = ReadLoopAsync();
    }

    /// <summary>The close code and reason once the BFF closed the socket.</summary>
    public (int Code, string Reason)? Closed { get; private set; }

    /// <summary>Opens the socket; throws <see cref="HandshakeRefusedException"/> (with the HTTP status) when the BFF refuses the upgrade.</summary>
    public static async Task<GraphQLWsClient> ConnectAsync(Uri bff, string? cookie, string? origin, bool csrfHeader = false)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        socket.Options.CollectHttpResponseDetails = true;
        if (cookie is not null)
        {
            socket.Options.SetRequestHeader("Cookie", cookie);
        }

        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        if (csrfHeader)
        {
            socket.Options.SetRequestHeader("X-CSRF", "1");
        }

        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await socket.ConnectAsync(new Uri("ws" + bff.ToString()[4..].TrimEnd('/') + "/graphql"), timeout.Token);
        }
        catch (WebSocketException ex)
        {
            var status = (int)socket.HttpStatusCode;
            socket.Dispose();
            throw new HandshakeRefusedException(status, ex);
        }

        return new GraphQLWsClient(socket);
    }

    /// <summary>A browser's origin for a BFF address (<c>http://127.0.0.1:port</c>).</summary>
    public static string OriginOf(Uri address) => address.GetLeftPart(UriPartial.Authority);

    /// <summary>Sends <c>connection_init</c> and returns the <c>connection_ack</c> (failing on anything else).</summary>
    public async Task<JsonNode> InitAsync(object? payload = null)
    {
        await SendAsync(new { type = "connection_init", payload = payload ?? new { } });
        var ack = await ReceiveAsync();
        Assert.Equal("connection_ack", ack["type"]!.GetValue<string>());
        return ack;
    }

    /// <summary>Sends <paramref name="message"/> as JSON in a binary frame (the protocol's messages are text).</summary>
    public async Task SendBinaryAsync(object message)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Binary, endOfMessage: true, timeout.Token);
    }

    public Task SubscribeAsync(string id, object payload) => SendAsync(new { id, type = "subscribe", payload });

    public async Task SendAsync(object message)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    public async Task<JsonNode> ReceiveAsync() =>
        await TryReceiveAsync(Patience) ?? throw new Xunit.Sdk.XunitException($"No message within {Patience}; closed: {Closed}");

    /// <summary>The next message, or null when none arrives within <paramref name="wait"/> (or the socket closed).</summary>
    public async Task<JsonNode?> TryReceiveAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return await _messages.Reader.ReadAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>Skips other messages until one of <paramref name="type"/> for operation <paramref name="id"/> arrives, or null.</summary>
    public async Task<JsonNode?> TryReceiveAsync(string type, string id, TimeSpan wait)
    {
        var deadline = DateTimeOffset.UtcNow + wait;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var message = await TryReceiveAsync(deadline - DateTimeOffset.UtcNow);
            if (message is null)
            {
                return null;
            }

            if (message["type"]?.GetValue<string>() == type && message["id"]?.GetValue<string>() == id)
            {
                return message;
            }
        }

        return null;
    }

    public async Task<JsonNode> ReceiveAsync(string type, string id) =>
        await TryReceiveAsync(type, id, Patience) ?? throw new Xunit.Sdk.XunitException($"No '{type}' for '{id}' within {Patience}; closed: {Closed}");

    /// <summary>Waits for the BFF to close the socket and returns the code.</summary>
    public async Task<(int Code, string Reason)> ReceiveCloseAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _reading.WaitAsync(timeout.Token);
        return Closed ?? throw new Xunit.Sdk.XunitException("The socket ended without a close frame.");
    }

    public async Task CloseAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
        }

        await _reading.WaitAsync(timeout.Token);
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new MemoryStream();
        var chunk = new byte[4096];
        try
        {
            while (true)
            {
                var frame = await _socket.ReceiveAsync(chunk, CancellationToken.None);
                if (frame.MessageType == WebSocketMessageType.Close)
                {
                    Closed = ((int)(frame.CloseStatus ?? WebSocketCloseStatus.Empty), frame.CloseStatusDescription ?? "");
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    }

                    return;
                }

                buffer.Write(chunk, 0, frame.Count);
                if (frame.EndOfMessage)
                {
                    var message = JsonNode.Parse(buffer.ToArray())!;
                    buffer.SetLength(0);
                    if (message["type"]?.GetValue<string>() == "ping")
                    {
                        await SendAsync(new { type = "pong" });
                        continue;
                    }

                    await _messages.Writer.WriteAsync(message);
                }
            }
        }
        catch (WebSocketException)
        {
            // the connection dropped
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }

    public void Dispose() => _socket.Dispose();
}

public sealed class HandshakeRefusedException(int status, Exception inner) : Exception($"The WebSocket handshake was refused with {status}.", inner)
{
    public int Status => status;
}
