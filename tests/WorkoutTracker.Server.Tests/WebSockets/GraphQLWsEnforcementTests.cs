using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace WorkoutTracker.Server.Tests.WebSockets;

/// <summary>The transport with small per-socket caps: 2 operations at once, 8 messages a second.</summary>
public sealed class CappedWebSocketTestHost : WebSocketTestHost
{
    public CappedWebSocketTestHost()
    {
        With("GraphQL:WebSockets:MaxOperations", "2");
        With("GraphQL:WebSockets:MaxMessagesPerSecond", "8");
    }
}

/// <summary>
/// A socket is held to what an HTTP request is held to for its whole life: text JSON only, its token's
/// validity (renewable in place by a <c>ping</c> carrying a fresh token), and caps on what one socket may do.
/// </summary>
public sealed class GraphQLWsEnforcementTests(CappedWebSocketTestHost host) : IClassFixture<CappedWebSocketTestHost>
{
    /// <summary>The host accepts tokens up to 5 minutes (its clock skew) past their expiry.</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_binary_frame_closes_4400_even_when_it_holds_a_valid_message()
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(host.GraphQLUri, CancellationToken.None);
        using var client = GraphQLWsTestClient.Over(socket);
        await client.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + host.CreateToken() } });
        Assert.Equal("connection_ack", (await client.ReceiveAsync())["type"]!.GetValue<string>());

        var subscribe = Encoding.UTF8.GetBytes("""{"id":"1","type":"subscribe","payload":{"query":"{ hello }"}}""");
        await socket.SendAsync(subscribe, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);

        var (code, reason) = await client.ReceiveCloseAsync();
        Assert.Equal(4400, code);
        Assert.Contains("binary", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ack_names_when_the_token_stops_being_valid()
    {
        var expires = DateTime.UtcNow.AddMinutes(3);
        using var client = await GraphQLWsTestClient.ConnectAsync(host.GraphQLUri);
        await client.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + host.CreateToken("Alex", "alex", expires) } });

        var ack = await client.ReceiveAsync();

        Assert.Equal("connection_ack", ack["type"]!.GetValue<string>());
        var validUntil = DateTimeOffset.Parse(ack["payload"]!["expiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(validUntil, new DateTimeOffset(expires) + Skew - TimeSpan.FromSeconds(1), new DateTimeOffset(expires) + Skew + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_socket_whose_token_expires_is_closed_4403_with_its_subscription_running()
    {
        // Expired 4 min 58 s ago: still inside the 5 minutes of skew HTTP allows, so accepted, and valid for 2 s more.
        using var client = await GraphQLWsTestClient.ConnectAsync(host.GraphQLUri);
        await client.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + host.CreateToken("Alex", "alex", DateTime.UtcNow - Skew + TimeSpan.FromSeconds(2)) } });
        Assert.Equal("connection_ack", (await client.ReceiveAsync())["type"]!.GetValue<string>());
        await client.SubscribeAsync("ticks", """subscription { forever(tag: "expiring") }""");

        var (code, reason) = await client.ReceiveCloseAfterResultsAsync();

        Assert.Equal(4403, code);
        Assert.Equal("Token expired", reason);
    }

    [Fact]
    public async Task A_ping_with_a_fresh_token_of_the_same_user_renews_the_socket_and_keeps_its_subscription()
    {
        using var client = await GraphQLWsTestClient.ConnectAsync(host.GraphQLUri);
        var firstExpiry = DateTime.UtcNow - Skew + TimeSpan.FromSeconds(2);
        await client.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + host.CreateToken("Alex", "alex", firstExpiry) } });
        var ack = await client.ReceiveAsync();
        var firstDeadline = DateTimeOffset.Parse(ack["payload"]!["expiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        await client.SubscribeAsync("ticks", """subscription { forever(tag: "renewed") }""");

        await client.SendAsync(new { type = "ping", payload = new { authorization = "Bearer " + host.CreateToken("Alex", "alex", DateTime.UtcNow.AddMinutes(5)) } });
        var (_, pong) = await client.ReceiveUntilAsync("pong");

        // The pong names the new deadline and never echoes the token.
        Assert.Null(pong["payload"]!["authorization"]);
        Assert.True(DateTimeOffset.Parse(pong["payload"]!["expiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > firstDeadline.AddMinutes(4));

        // The subscription goes on past the first token's deadline.
        JsonNode tick;
        do
        {
            tick = await client.ReceiveAsync();
            Assert.Equal("next", tick["type"]!.GetValue<string>());
        }
        while (DateTimeOffset.UtcNow < firstDeadline.AddSeconds(1));

        Assert.Equal("ticks", tick["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_ping_with_another_users_token_closes_4403()
    {
        using var client = await GraphQLWsTestClient.ConnectAsync(host.GraphQLUri);
        await client.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + host.CreateToken("Alex", "alex", DateTime.UtcNow.AddMinutes(5)) } });
        await client.ReceiveAsync();

        await client.SendAsync(new { type = "ping", payload = new { authorization = "Bearer " + host.CreateToken("Sam", "sam", DateTime.UtcNow.AddMinutes(5)) } });

        Assert.Equal((4403, "Forbidden"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_ping_with_an_invalid_token_closes_4403()
    {
        using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host);

        await client.SendAsync(new { type = "ping", payload = new { authorization = "Bearer " + host.CreateToken(signedElsewhere: true) } });

        Assert.Equal((4403, "Forbidden"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task One_operation_over_the_cap_is_refused_with_too_many_operations_and_the_socket_stays_open()
    {
        using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host);
        await client.SubscribeAsync("a", """subscription { forever(tag: "cap-a") }""");
        await client.SubscribeAsync("b", """subscription { forever(tag: "cap-b") }""");

        await client.SubscribeAsync("c", """subscription { forever(tag: "cap-c") }""");
        var (_, refused) = await client.ReceiveUntilAsync("error");

        Assert.Equal("c", refused["id"]!.GetValue<string>());
        Assert.Equal("TOO_MANY_OPERATIONS", refused["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());

        // Completing one makes room: the socket is still usable.
        await client.SendAsync(new { id = "a", type = "complete" });
        await client.SendAsync(new { id = "d", type = "subscribe", payload = new { query = "{ hello }" } });
        JsonNode answer;
        do
        {
            answer = await client.ReceiveAsync();
        }
        while (answer["id"]!.GetValue<string>() != "d");

        Assert.Equal("world", answer["payload"]!["data"]!["hello"]!.GetValue<string>());
    }

    [Fact]
    public async Task More_messages_a_second_than_allowed_closes_4420()
    {
        using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host);

        for (var i = 0; i < 50; i++)
        {
            await client.SendAsync(new { type = "pong" });
        }

        var (code, reason) = await client.ReceiveCloseAsync();
        Assert.Equal(4420, code);
        Assert.StartsWith("Too many messages", reason, StringComparison.Ordinal);
    }
}
