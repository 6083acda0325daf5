using System.Text.Json.Nodes;

namespace WorkoutTracker.Server.Tests.WebSockets;

/// <summary>The real npm <c>graphql-ws</c> client (tests/node-harness/subscribe.mjs) against the transport on Kestrel.</summary>
public sealed class GraphQLWsNodeClientTests(WebSocketTestHost host) : IClassFixture<WebSocketTestHost>
{
    [Fact]
    public async Task Graphql_ws_client_receives_every_event_of_a_subscription_then_completes()
    {
        var (exitCode, lines) = await SubscribeAsync(host.CreateToken(), "subscription { countdown(from: 3) }");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            ["""{"next":{"data":{"countdown":3}}}""", """{"next":{"data":{"countdown":2}}}""", """{"next":{"data":{"countdown":1}}}""", """{"complete":true}"""],
            lines.Select(l => l.ToJsonString()));
    }

    [Fact]
    public async Task Graphql_ws_client_runs_a_query_as_the_user_of_its_token()
    {
        var (exitCode, lines) = await SubscribeAsync(host.CreateToken("Node"), "query { hello whoami }");

        Assert.Equal(0, exitCode);
        Assert.Equal(["""{"next":{"data":{"hello":"world","whoami":"Node"}}}""", """{"complete":true}"""], lines.Select(l => l.ToJsonString()));
    }

    [Fact]
    public async Task Graphql_ws_client_reports_validation_errors_from_the_error_message()
    {
        var (exitCode, lines) = await SubscribeAsync(host.CreateToken(), "subscription { shoeSize }");

        Assert.Equal(1, exitCode);
        var errors = Assert.IsType<JsonArray>(Assert.Single(lines)["error"]);
        Assert.Contains("shoeSize", errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graphql_ws_client_sees_the_forbidden_close_for_a_bad_token()
    {
        var (exitCode, lines) = await SubscribeAsync(host.CreateToken(signedElsewhere: true), "subscription { countdown(from: 1) }");

        Assert.Equal(1, exitCode);
        Assert.Equal("""{"error":{"code":4403,"reason":"Forbidden"}}""", Assert.Single(lines).ToJsonString());
    }

    private Task<(int ExitCode, IReadOnlyList<JsonNode> Lines)> SubscribeAsync(string token, string query) =>
        NodeHarness.RunJsonLinesAsync("subscribe.mjs", host.GraphQLUri.ToString(), token, query);
}
