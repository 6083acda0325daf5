using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WorkoutTracker.Bff.Tests.Infrastructure;

/// <summary>A bare <c>graphql-transport-ws</c> client that opens the BFF's /graphql socket like a browser: cookie and Origin, no token.</summary>
public sealed class GraphQLWsClient : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly ClientWebSocket _socket;

    private GraphQLWsClient(ClientWebSocket socket) => _socket = socket;

    /// <summary>Opens the socket; throws <see cref="WebSocketException"/> when the BFF refuses the handshake (then <paramref name="status"/> says how).</summary>
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
            await socket.ConnectAsync(new Uri(bff.ToString().Replace("http", "ws", StringComparison.Ordinal).TrimEnd('/') + "/graphql"), timeout.Token);
        }
        catch (WebSocketException ex)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            throw new HandshakeRefusedException((int)status, ex);
        }

        return new GraphQLWsClient(socket);
    }

    public async Task InitAsync(object? payload = null)
    {
        await SendAsync(new { type = "connection_init", payload = payload ?? new { } });
        Assert.Equal("connection_ack", (await ReceiveAsync())["type"]!.GetValue<string>());
    }

    public Task SubscribeAsync(string id, object payload) => SendAsync(new { id, type = "subscribe", payload });

    public async Task SendAsync(object message)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    public async Task<JsonNode> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        while (true)
        {
            var frame = await _socket.ReceiveAsync(chunk, timeout.Token);
            if (frame.MessageType == WebSocketMessageType.Close)
            {
                throw new Xunit.Sdk.XunitException($"Expected a message, the socket closed: {(int?)frame.CloseStatus} {frame.CloseStatusDescription}");
            }

            buffer.Write(chunk, 0, frame.Count);
            if (frame.EndOfMessage)
            {
                return JsonNode.Parse(buffer.ToArray())!;
            }
        }
    }

    /// <summary>Skips messages (keep-alive pings and the like) until one of <paramref name="type"/> with <paramref name="id"/> arrives.</summary>
    public async Task<JsonNode> ReceiveAsync(string type, string id)
    {
        while (true)
        {
            var message = await ReceiveAsync();
            if (message["type"]?.GetValue<string>() == type && message["id"]?.GetValue<string>() == id)
            {
                return message;
            }
        }
    }

    public async Task CloseAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
    }

    public void Dispose() => _socket.Dispose();
}

public sealed class HandshakeRefusedException(int status, Exception inner) : Exception($"The WebSocket handshake was refused with {status}.", inner)
{
    public int Status => status;
}
