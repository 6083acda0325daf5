using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using WorkoutTracker.Server.GraphQL.Http;

namespace WorkoutTracker.Server.Tests.WebSockets;

/// <summary>The <c>graphql-transport-ws</c> protocol on /graphql, over real WebSockets against a test schema.</summary>
public sealed class GraphQLWsProtocolTests(WebSocketTestHost host) : IClassFixture<WebSocketTestHost>
{
    [Fact]
    public async Task Connection_init_with_a_valid_token_is_acknowledged()
    {
        using var client = await GraphQLWsTestClient.ConnectAsync(host.GraphQLUri);

        await client.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + host.CreateToken() } });

        var ack = await client.ReceiveAsync();
        Assert.Equal("connection_ack", Type(ack));
    }

    [Fact]
    public async Task Ping_is_answered_with_pong_echoing_its_payload_even_before_init()
    {
        using var client = await GraphQLWsTestClient.ConnectAsync(host.GraphQLUri);

        await client.SendAsync(new { type = "ping", payload = new { at = 42 } });
        var pong = await client.ReceiveAsync();
        await client.SendAsync(new { type = "pong" });
        await client.SendAsync(new { type = "ping" });
        var bare = await client.ReceiveAsync();

        Assert.Equal("""{"type":"pong","payload":{"at":42}}""", pong.ToJsonString());
        Assert.Equal("""{"type":"pong"}""", bare.ToJsonString());
    }

    [Fact]
    public async Task Subscription_streams_each_result_as_next_then_complete()
    {
        using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host);

        await client.SubscribeAsync("s1", "subscription { countdown(from: 3) }");
        var (nexts, complete) = await client.ReceiveUntilAsync("complete");

        Assert.All(nexts, n => Assert.Equal(("next", "s1"), (Type(n), Id(n))));
        Assert.Equal([3, 2, 1], nexts.Select(n => n["payload"]!["data"]!["countdown"]!.GetValue<int>()));
        Assert.Equal("""{"id":"s1","type":"complete"}""", complete.ToJsonString());
    }

    [Fact]
    public async Task Complete_from_the_client_stops_the_stream_and_nothing_more_is_sent_for_it()
    {
        using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host);
        var tag = Guid.NewGuid().ToString("N");

        await client.SubscribeAsync("f1", "subscription($tag: String!) { forever(tag: $tag) }", new { tag });
        Assert.Equal("next", Type(await client.ReceiveAsync()));
        Assert.Equal("next", Type(await client.ReceiveAsync()));
        await client.SendAsync(new { id = "f1", type = "complete" });

        await host.Streams.WhenStopped(tag).WaitAsync(TimeSpan.FromSeconds(10));
        await client.SendAsync(new { type = "ping" });
        await client.ReceiveUntilAsync("pong"); // results already on the wire may still arrive
        await Task.Delay(100);
        await client.SendAsync(new { type = "ping" });
        Assert.Equal("""{"type":"pong"}""", (await client.ReceiveAsync()).ToJsonString());
    }

    [Fact]
    public async Task Closing_the_socket_disposes_the_running_streams()
    {
        var client = await GraphQLWsTestClient.ConnectAndInitAsync(host);
        var tag = Guid.NewGuid().ToString("N");
        await client.SubscribeAsync("f1", "subscription($tag: String!) { forever(tag: $tag) }", new { tag });
        Assert.Equal("next", Type(await client.ReceiveAsync()));

        client.Dispose(); // abrupt: no close handshake

        await host.Streams.WhenStopped(tag).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Query_over_subscribe_is_one_next_then_complete()
    {
        using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host);

        await client.SubscribeAsync("q1", "query Hello { hello whoami }");
        var next = await client.ReceiveAsync();
        var complete = await client.ReceiveAsync();

        Assert.Equal("""{"id":"q1","type":"next","payload":{"data":{"hello":"world","whoami":"Alex"}}}""", next.ToJsonString());
        Assert.Equal("""{"id":"q1","type":"complete"}""", complete.ToJsonString());
    }

    [Fact]
    public async Task Validation_error_is_an_error_message_and_the_socket_stays_open()
    {
        using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host);

        await client.SubscribeAsync("v1", "subscription { shoeSize }");
        var error = await client.ReceiveAsync();
        await client.SendAsync(new { type = "ping" });

        Assert.Equal(("error", "v1"), (Type(error), Id(error)));
        var errors = Assert.IsType<JsonArray>(error["payload"]);
        Assert.Contains("shoeSize", errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("pong", Type(await client.ReceiveAsync())); // no complete after an error
    }

    [Fact]
    public async Task A_failing_event_stream_ends_with_its_error_as_a_result_then_complete()
    {
        using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host);

        await client.SubscribeAsync("e1", "subscription { failing }");
        var (nexts, _) = await client.ReceiveUntilAsync("complete");

        Assert.Equal(1, nexts[0]["payload"]!["data"]!["failing"]!.GetValue<int>());
        Assert.NotNull(nexts[^1]["payload"]!["errors"]);
    }

    [Fact]
    public async Task Each_operation_runs_in_a_dependency_injection_scope_of_its_own()
    {
        using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host);

        await client.SubscribeAsync("a", "{ scopeId }");
        var first = await client.ReceiveAsync();
        await client.ReceiveAsync();
        await client.SubscribeAsync("b", "{ scopeId }");
        var second = await client.ReceiveAsync();

        Assert.NotEqual(first["payload"]!["data"]!["scopeId"]!.GetValue<string>(), second["payload"]!["data"]!["scopeId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Each_operation_is_one_span_marked_websocket()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GraphQLTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var name = "Ws" + Guid.NewGuid().ToString("N")[..8];
        using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host);

        await client.SubscribeAsync("t1", $"subscription {name} {{ countdown(from: 1) }}");
        await client.ReceiveUntilAsync("complete");

        var span = Assert.Single(spans, s => (s.GetTagItem("graphql.operation.name") as string) == name);
        Assert.Equal("websocket", span.GetTagItem("graphql.transport"));
        Assert.Equal($"subscription {name}", span.DisplayName);
    }

    [Theory]
    [InlineData("authorization", "Bearer ")]
    [InlineData("Authorization", "Bearer ")]
    [InlineData("token", "")]
    public async Task A_token_in_the_connection_init_payload_authenticates_the_operations(string key, string prefix)
    {
        using var client = await GraphQLWsTestClient.ConnectAsync(host.GraphQLUri);

        await client.SendRawAsync($$$"""{"type":"connection_init","payload":{"{{{key}}}":"{{{prefix}}}{{{host.CreateToken("Sam")}}}"}}""");
        Assert.Equal("connection_ack", Type(await client.ReceiveAsync()));
        await client.SubscribeAsync("w", "{ whoami }");

        Assert.Equal("Sam", (await client.ReceiveAsync())["payload"]!["data"]!["whoami"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_upgrade_requests_authorization_header_authenticates_when_the_payload_has_no_token()
    {
        using var client = await GraphQLWsTestClient.ConnectAsync(host.GraphQLUri, authorization: "Bearer " + host.CreateToken("Proxy user"));

        await client.SendAsync(new { type = "connection_init" });
        Assert.Equal("connection_ack", Type(await client.ReceiveAsync()));
        await client.SubscribeAsync("w", "{ whoami }");

        Assert.Equal("Proxy user", (await client.ReceiveAsync())["payload"]!["data"]!["whoami"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"authorization":"Bearer not-a-jwt"}""")]
    [InlineData("""{"token":"SIGNED_ELSEWHERE"}""")]
    [InlineData("""{"authorization":"Basic dXNlcjpwYXNz"}""")]
    [InlineData("""{}""")]
    [InlineData(null)]
    public async Task Invalid_or_missing_credentials_close_4403(string? payload)
    {
        using var client = await GraphQLWsTestClient.ConnectAsync(host.GraphQLUri);
        payload = payload?.Replace("SIGNED_ELSEWHERE", host.CreateToken(signedElsewhere: true), StringComparison.Ordinal);

        await client.SendRawAsync(payload is null ? """{"type":"connection_init"}""" : $$$"""{"type":"connection_init","payload":{{{payload}}}}""");

        Assert.Equal((4403, "Forbidden"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_second_connection_init_closes_4429()
    {
        using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host);

        await client.SendAsync(new { type = "connection_init", payload = new { token = host.CreateToken() } });

        Assert.Equal((4429, "Too many initialisation requests"), await client.ReceiveCloseAsync());
    }

    [Theory]
    [InlineData("""{"id":"1","type":"subscribe","payload":{"query":"{ hello }"}}""")]
    [InlineData("""{"id":"1","type":"complete"}""")]
    public async Task An_operation_message_before_the_ack_closes_4401(string message)
    {
        using var client = await GraphQLWsTestClient.ConnectAsync(host.GraphQLUri);

        await client.SendRawAsync(message);

        Assert.Equal((4401, "Unauthorized"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Subscribing_with_an_id_already_active_closes_4409()
    {
        using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host);
        var tag = Guid.NewGuid().ToString("N");

        await client.SubscribeAsync("dup", "subscription($tag: String!) { forever(tag: $tag) }", new { tag });
        Assert.Equal("next", Type(await client.ReceiveAsync())); // the stream runs
        await client.SubscribeAsync("dup", "{ hello }");

        var (code, reason) = await client.ReceiveCloseAfterResultsAsync();
        Assert.Equal((4409, "Subscriber for dup already exists"), (code, reason));
        await host.Streams.WhenStopped(tag).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("[1,2]", "object")]
    [InlineData("""{"payload":{}}""", "'type'")]
    [InlineData("""{"type":"subscribe_all"}""", "unexpected type")]
    [InlineData("""{"type":"next","id":"1","payload":{}}""", "unexpected type")]
    [InlineData("""{"type":"connection_init","payload":"token"}""", "payload must be an object")]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ hello }"}}""", "'id'")]
    [InlineData("""{"type":"subscribe","id":"","payload":{"query":"{ hello }"}}""", "'id'")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":42}}""", "'query'")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ hello }","variables":[]}}""", "'variables'")]
    [InlineData("""{"type":"complete","id":7}""", "'id'")]
    public async Task An_invalid_message_closes_4400_with_a_reason(string message, string reasonPart)
    {
        using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host);

        await client.SendRawAsync(message);

        var (code, reason) = await client.ReceiveCloseAsync();
        Assert.Equal(4400, code);
        Assert.Contains(reasonPart, reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_closes_1009()
    {
        using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host);

        await client.SubscribeAsync("big", "{ hello }" + new string(' ', 70 * 1024));

        Assert.Equal(1009, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task A_client_without_the_graphql_transport_ws_subprotocol_is_closed_4406()
    {
        using var client = await GraphQLWsTestClient.ConnectAsync(host.GraphQLUri, subProtocol: "graphql-ws");

        Assert.Equal((4406, "Subprotocol not acceptable"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Http_requests_on_the_same_path_still_reach_the_http_transport()
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.GraphQLUri.ToString().Replace("ws://", "http://", StringComparison.Ordinal)) };

        using var response = await http.GetAsync(new Uri("?query={__typename}", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync());
    }

    private static string Type(JsonNode message) => message["type"]!.GetValue<string>();

    private static string Id(JsonNode message) => message["id"]!.GetValue<string>();
}
