using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.GraphQL.Subscriptions;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.WebSockets;

namespace WorkoutTracker.Server.Tests.Sessions;

/// <summary>
/// Two server instances on one database: a graphql-transport-ws subscriber on instance A sees, in
/// order, what is logged through instance B (events cross instances by PostgreSQL LISTEN/NOTIFY).
/// </summary>
public sealed class LiveSessionTests(LiveSessionTests.TwoInstances servers) : IClassFixture<LiveSessionTests.TwoInstances>
{
    public sealed class TwoInstances : IAsyncLifetime
    {
        public WorkoutApiFactory A { get; } = new();

        public WorkoutApiFactory B { get; } = new();

        public async Task InitializeAsync()
        {
            await ((IAsyncLifetime)A).InitializeAsync();
            await ((IAsyncLifetime)B.SharingDatabaseOf(A)).InitializeAsync();
        }

        public async Task DisposeAsync()
        {
            await ((IAsyncLifetime)B).DisposeAsync();
            await ((IAsyncLifetime)A).DisposeAsync();
        }
    }

    private const string SessionUpdated = """
        subscription Live($sessionId: ID!) {
          sessionUpdated(sessionId: $sessionId) { kind sessionId setId sessionVersion bodyMapVersion set { loadKg reps } bodyMap { muscles { muscle hardSets } } }
        }
        """;

    [Fact]
    public async Task Subscriber_on_instance_A_receives_every_change_made_through_instance_B_in_order()
    {
        var athlete = await servers.A.CreateUserAsync(UserRole.Athlete);
        using var b = await servers.B.CreateClientForAsync(athlete);
        var sessionId = await b.StartSessionAsync();
        using var subscriber = await ConnectAsync(servers.A, await servers.A.GetTokenAsync(athlete.Email, athlete.Password));
        await subscriber.SubscribeAsync("live", SessionUpdated, new { sessionId });
        await servers.A.WaitForSessionSubscribersAsync(1);

        var setIds = new List<string>();
        foreach (var load in new[] { 100m, 102.5m, 105m })
        {
            setIds.Add((await b.LogSetAsync(sessionId, loadKg: load)).Payload("logSet")["setId"]!.GetValue<string>());
        }

        await b.PostGraphQLAsync(SessionApi.UpdateSet, new { input = new { clientMutationId = Guid.NewGuid().ToString(), setId = setIds[2], loadKg = 107.5, reps = 3 } });
        await b.PostGraphQLAsync(SessionApi.DeleteSet, new { input = new { clientMutationId = Guid.NewGuid().ToString(), setId = setIds[0] } });
        await b.PostGraphQLAsync(SessionApi.FinishSession, new { input = new { clientMutationId = Guid.NewGuid().ToString(), sessionId } });

        var events = new List<JsonElement>();
        for (var i = 0; i < 6; i++)
        {
            var message = await subscriber.ReceiveAsync();
            Assert.Equal("next", message["type"]!.GetValue<string>());
            events.Add(JsonSerializer.Deserialize<JsonElement>(message["payload"]!["data"]!["sessionUpdated"]!.ToJsonString()));
        }

        Assert.Equal(["SET_LOGGED", "SET_LOGGED", "SET_LOGGED", "SET_UPDATED", "SET_DELETED", "SESSION_FINISHED"], events.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal([setIds[0], setIds[1], setIds[2], setIds[2], setIds[0]], events.Take(5).Select(e => e.GetProperty("setId").GetString()));
        // An event carries ids; the set is loaded when the event is delivered, so it shows the set as it is then.
        Assert.Equal(102.5, events[1].GetProperty("set").GetProperty("loadKg").GetDouble());
        Assert.Equal(107.5, events[3].GetProperty("set").GetProperty("loadKg").GetDouble());
        Assert.Equal(JsonValueKind.Null, events[4].GetProperty("set").ValueKind);
        var versions = events.Select(e => e.GetProperty("sessionVersion").GetInt32()).ToList();
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
        var bodyMapVersions = events.Take(5).Select(e => e.GetProperty("bodyMapVersion").GetInt32()).ToList();
        Assert.Equal([1, 2, 3, 4, 5], bodyMapVersions);
        // The delete's event is delivered after the delete, so its body map has the two squat sets left.
        var quads = events[4].GetProperty("bodyMap").GetProperty("muscles").EnumerateArray().Single(m => m.GetProperty("muscle").GetString() == "QUADS");
        Assert.Equal(2, quads.GetProperty("hardSets").GetDouble());
    }

    [Fact]
    public async Task Another_athlete_cannot_subscribe_to_the_session_while_the_linked_coach_can()
    {
        var stranger = await servers.A.CreateUserAsync(UserRole.Athlete);
        using var owner = await servers.B.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = await owner.StartSessionAsync();
        using var strangerSocket = await ConnectAsync(servers.A, await servers.A.GetTokenAsync(stranger.Email, stranger.Password));
        using var coachSocket = await ConnectAsync(servers.A, await servers.A.GetTokenAsync(DemoUsers.Coach.Email, DemoUsers.Coach.Password));

        await strangerSocket.SubscribeAsync("s", SessionUpdated, new { sessionId });
        await coachSocket.SubscribeAsync("c", "subscription { athleteActivity { kind athleteId set { reps } } }");
        await servers.A.WaitForSessionSubscribersAsync(1);
        await owner.LogSetAsync(sessionId, reps: 4);

        // As graphql-ws's reference server does, an error raised while creating the event stream is a
        // result with errors (a `next`), and the operation then completes.
        var refused = await strangerSocket.ReceiveAsync();
        var completed = await strangerSocket.ReceiveAsync();
        var coachEvent = await coachSocket.ReceiveAsync();
        Assert.Equal("next", refused["type"]!.GetValue<string>());
        Assert.Null(refused["payload"]!["data"]);
        Assert.Equal("FORBIDDEN", refused["payload"]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("complete", completed["type"]!.GetValue<string>());
        Assert.Equal("next", coachEvent["type"]!.GetValue<string>());
        Assert.Equal(DemoUsers.Athlete.Id.ToString(), coachEvent["payload"]!["data"]!["athleteActivity"]!["athleteId"]!.GetValue<string>());
        Assert.Equal(4, coachEvent["payload"]!["data"]!["athleteActivity"]!["set"]!["reps"]!.GetValue<int>());
    }

    [Fact]
    public async Task Each_event_runs_once_per_distinct_selection_and_every_subscriber_gets_the_same_answer()
    {
        var athlete = await servers.A.CreateUserAsync(UserRole.Athlete);
        using var owner = await servers.B.CreateClientForAsync(athlete);
        var sessionId = await owner.StartSessionAsync();
        var token = await servers.A.GetTokenAsync(athlete.Email, athlete.Password);
        var sockets = new List<GraphQLWsTestClient>();
        for (var i = 0; i < 3; i++)
        {
            sockets.Add(await ConnectAsync(servers.A, token));
            await sockets[i].SubscribeAsync("live", SessionUpdated, new { sessionId });
        }

        // The same document with other variables is another selection.
        sockets.Add(await ConnectAsync(servers.A, token));
        await sockets[3].SubscribeAsync("live", SessionUpdated, new { sessionId, after = (string?)null });
        await servers.A.WaitForSessionSubscribersAsync(4);
        var strategy = servers.A.Services.GetRequiredService<SharedEventResults>();
        var (executions, reused) = (strategy.Executions, strategy.Reused);

        await owner.LogSetAsync(sessionId, loadKg: 90m);
        var payloads = new List<string>();
        foreach (var socket in sockets)
        {
            var message = await socket.ReceiveAsync();
            Assert.Equal("next", message["type"]!.GetValue<string>());
            payloads.Add(message["payload"]!.ToJsonString());
        }

        Assert.Single(payloads.Distinct());
        Assert.Equal(90, JsonNode.Parse(payloads[0])!["data"]!["sessionUpdated"]!["set"]!["loadKg"]!.GetValue<double>());
        Assert.Equal(2, strategy.Executions - executions);
        Assert.Equal(2, strategy.Reused - reused);
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }
    }

    private static async Task<GraphQLWsTestClient> ConnectAsync(WorkoutApiFactory server, string token)
    {
        var webSockets = server.Server.CreateWebSocketClient();
        webSockets.SubProtocols.Add("graphql-transport-ws");
        var client = GraphQLWsTestClient.Over(await webSockets.ConnectAsync(new Uri(server.Server.BaseAddress, "/graphql"), CancellationToken.None));
        await client.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + token } });
        Assert.Equal("connection_ack", (await client.ReceiveAsync())["type"]!.GetValue<string>());
        return client;
    }
}

/// <summary>The real npm graphql-ws client subscribed to a live session on the real server (Kestrel).</summary>
public sealed class LiveSessionNodeClientTests(KestrelWorkoutApiFactory api) : IClassFixture<KestrelWorkoutApiFactory>
{
    [Fact]
    public async Task Graphql_ws_client_receives_the_sets_logged_in_a_session()
    {
        var token = await api.GetTokenAsync(DemoUsers.Athlete.Email, DemoUsers.Athlete.Password);
        using var http = await api.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = await http.StartSessionAsync();
        using var node = await NodeHarness.StartAsync(
            "live.mjs", api.WebSocketUri.ToString(), token,
            "subscription Live($sessionId: ID!) { sessionUpdated(sessionId: $sessionId) { kind set { loadKg reps } } }",
            JsonSerializer.Serialize(new { sessionId }), "3");

        Assert.True((await node.NextLineAsync())["connected"]!.GetValue<bool>());
        await api.WaitForSessionSubscribersAsync(1);
        await http.LogSetAsync(sessionId, loadKg: 60m, reps: 10);
        await http.LogSetAsync(sessionId, loadKg: 70m, reps: 8);
        await http.LogSetAsync(sessionId, loadKg: 80m, reps: 6);

        var received = new List<JsonNode?>();
        for (var i = 0; i < 3; i++)
        {
            received.Add((await node.NextLineAsync())["next"]!["data"]!["sessionUpdated"]);
        }

        Assert.Equal(0, await node.WaitForExitAsync());
        Assert.All(received, e => Assert.Equal("SET_LOGGED", e!["kind"]!.GetValue<string>()));
        Assert.Equal([60.0, 70.0, 80.0], received.Select(e => e!["set"]!["loadKg"]!.GetValue<double>()));
    }
}
