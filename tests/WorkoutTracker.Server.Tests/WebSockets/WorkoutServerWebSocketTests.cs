using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.WebSockets;

/// <summary>The real server's wiring: /graphql takes graphql-transport-ws with the development issuer's tokens.</summary>
public sealed class WorkoutServerWebSocketTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    [Fact]
    public async Task A_query_over_the_websocket_runs_as_the_user_of_the_connection_init_token()
    {
        var token = await api.GetTokenAsync(DemoUsers.Athlete.Email, DemoUsers.Athlete.Password);
        using var client = await ConnectAsync();

        await client.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + token } });
        Assert.Equal("connection_ack", (await client.ReceiveAsync())["type"]!.GetValue<string>());
        await client.SubscribeAsync("me", "query Me { me { displayName } }");

        var next = await client.ReceiveAsync();
        Assert.Equal("Alex Athlete", next["payload"]!["data"]!["me"]!["displayName"]!.GetValue<string>());
        Assert.Equal("complete", (await client.ReceiveAsync())["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_connection_without_a_token_is_refused_4403()
    {
        using var client = await ConnectAsync();

        await client.SendAsync(new { type = "connection_init" });

        Assert.Equal((4403, "Forbidden"), await client.ReceiveCloseAsync());
    }

    private async Task<GraphQLWsTestClient> ConnectAsync()
    {
        var webSockets = api.Server.CreateWebSocketClient();
        webSockets.SubProtocols.Add("graphql-transport-ws");
        var socket = await webSockets.ConnectAsync(new Uri(api.Server.BaseAddress, "/graphql"), CancellationToken.None);
        return GraphQLWsTestClient.Over(socket);
    }
}
