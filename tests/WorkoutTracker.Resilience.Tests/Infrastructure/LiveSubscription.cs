using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace WorkoutTracker.Resilience.Tests.Infrastructure;

/// <summary>
/// One <c>graphql-transport-ws</c> subscription on a socket of its own, as a phone holds it: connects
/// (to a server with a bearer token in <c>connection_init</c>, or to the BFF with its cookie and Origin),
/// subscribes, and keeps every message in arrival order for the test to take with a time limit.
/// </summary>
public sealed class LiveSubscription : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ClientWebSocket _socket;
    private readonly Channel<JsonNode> _messages = Channel.CreateUnbounded<JsonNode>();
    private readonly CancellationTokenSource _stop = new();

    private LiveSubscription(ClientWebSocket socket)
    {
        _socket = socket;
        _ = Task.Run(ReadAsync);
    }

    /// <summary>Subscribes directly at a server, authenticated by <paramref name="token"/>.</summary>
    public static Task<LiveSubscription> OpenAsync(Uri server, string token, string query, object? variables = null) =>
        OpenAsync(server, headers: [], initPayload: new { authorization = "Bearer " + token }, query, variables);

    /// <summary>Subscribes through the BFF as a browser does: its session cookie and its own Origin, no token.</summary>
    public static Task<LiveSubscription> OpenThroughBffAsync(Uri bff, string cookie, string query, object? variables = null) =>
        OpenAsync(bff, headers: [("Cookie", cookie), ("Origin", bff.GetLeftPart(UriPartial.Authority))], initPayload: null, query, variables);

    private static async Task<LiveSubscription> OpenAsync(Uri host, (string Name, string Value)[] headers, object? initPayload, string query, object? variables)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        foreach (var (name, value) in headers)
        {
            socket.Options.SetRequestHeader(name, value);
        }

        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(new Uri($"ws://{host.Authority}/graphql"), timeout.Token);
        var subscription = new LiveSubscription(socket);
        await subscription.SendAsync(initPayload is null ? new { type = "connection_init" } : new { type = "connection_init", payload = initPayload });
        var ack = await subscription.NextMessageAsync();
        Assert.True(ack["type"]?.GetValue<string>() == "connection_ack", "expected connection_ack, got " + ack.ToJsonString());
        await subscription.SendAsync(new { id = "live", type = "subscribe", payload = new { query, variables } });
        return subscription;
    }

    /// <summary>The next <c>next</c> message's data; fails on anything else (an error, a complete, a close).</summary>
    public async Task<JsonNode> NextDataAsync()
    {
        var message = await NextMessageAsync();
        Assert.True(message["type"]?.GetValue<string>() == "next" && message["payload"]?["errors"] is null, "expected data, got " + message.ToJsonString());
        return message["payload"]!["data"]!;
    }

    private async Task<JsonNode> NextMessageAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            return await _messages.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No message within {Patience.TotalSeconds:0} s (socket {_socket.State}, close {_socket.CloseStatus} {_socket.CloseStatusDescription}).");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"The socket closed: {(int?)_socket.CloseStatus} {_socket.CloseStatusDescription}.");
        }
    }

    private Task SendAsync(object message) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

    private async Task ReadAsync()
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var text = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, _stop.Token);
                    text.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                _messages.Writer.TryWrite(JsonNode.Parse(Encoding.UTF8.GetString(text.ToArray()))!);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }

    /// <summary>Drops the connection as a phone losing its network does: no complete, no close handshake.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _socket.Abort();
        _socket.Dispose();
        _stop.Dispose();
    }
}
