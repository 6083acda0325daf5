using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WorkoutTracker.Server.Tests.WebSockets;

/// <summary>A bare <c>graphql-transport-ws</c> client over <see cref="ClientWebSocket"/>, for asserting the wire.</summary>
public sealed class GraphQLWsTestClient : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly WebSocket _socket;

    private GraphQLWsTestClient(WebSocket socket) => _socket = socket;

    /// <summary>Drives a socket opened elsewhere (e.g. by the ASP.NET Core test server).</summary>
    public static GraphQLWsTestClient Over(WebSocket socket) => new(socket);

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<GraphQLWsTestClient> ConnectAsync(Uri uri, string? subProtocol = "graphql-transport-ws", string? authorization = null)
    {
        var socket = new ClientWebSocket();
        if (subProtocol is not null)
        {
            socket.Options.AddSubProtocol(subProtocol);
        }

        if (authorization is not null)
        {
            socket.Options.SetRequestHeader("Authorization", authorization);
        }

        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(uri, timeout.Token);
        return new GraphQLWsTestClient(socket);
    }

    /// <summary>Connects and completes <c>connection_init</c> / <c>connection_ack</c> with a token in the payload.</summary>
    public static async Task<GraphQLWsTestClient> ConnectAndInitAsync(WebSocketTestHost host)
    {
        var client = await ConnectAsync(host.GraphQLUri);
        await client.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + host.CreateToken() } });
        Assert.Equal("connection_ack", (await client.ReceiveAsync())["type"]!.GetValue<string>());
        return client;
    }

    public Task SendAsync(object message) => SendRawAsync(JsonSerializer.Serialize(message));

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    public async Task SendRawAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    /// <summary>The next message; fails the test when the server closes instead.</summary>
    public async Task<JsonNode> ReceiveAsync(TimeSpan? patience = null)
    {
        var (message, close) = await ReceiveOrCloseAsync(patience);
        return message ?? throw new Xunit.Sdk.XunitException($"Expected a message, the server closed the socket: {close}");
    }

    /// <summary>Reads until the server closes; returns the close code and reason, failing on any message in between.</summary>
    public async Task<(int Code, string Reason)> ReceiveCloseAsync()
    {
        var (message, close) = await ReceiveOrCloseAsync();
        return message is null ? close!.Value : throw new Xunit.Sdk.XunitException($"Expected a close, got {message.ToJsonString()}");
    }

    /// <summary>Reads until the server closes, skipping <c>next</c> messages of streams still running.</summary>
    public async Task<(int Code, string Reason)> ReceiveCloseAfterResultsAsync()
    {
        while (true)
        {
            var (message, close) = await ReceiveOrCloseAsync();
            if (message is null)
            {
                return close!.Value;
            }

            if (message["type"]!.GetValue<string>() != "next")
            {
                throw new Xunit.Sdk.XunitException($"Expected a close, got {message.ToJsonString()}");
            }
        }
    }

    /// <summary>Skips messages until one of <paramref name="type"/> arrives; returns what was skipped and it.</summary>
    public async Task<(List<JsonNode> Before, JsonNode Match)> ReceiveUntilAsync(string type)
    {
        var before = new List<JsonNode>();
        while (true)
        {
            var message = await ReceiveAsync();
            if (message["type"]!.GetValue<string>() == type)
            {
                return (before, message);
            }

            before.Add(message);
        }
    }

    private async Task<(JsonNode? Message, (int Code, string Reason)? Close)> ReceiveOrCloseAsync(TimeSpan? patience = null)
    {
        using var timeout = new CancellationTokenSource(patience ?? Patience);
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        while (true)
        {
            var frame = await _socket.ReceiveAsync(chunk, timeout.Token);
            if (frame.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                }

                return (null, ((int)frame.CloseStatus!.Value, frame.CloseStatusDescription ?? ""));
            }

            buffer.Write(chunk, 0, frame.Count);
            if (frame.EndOfMessage)
            {
                return (JsonNode.Parse(buffer.ToArray()), null);
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
