using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.WebSockets;

namespace WorkoutTracker.Server.Tests.Sessions;

/// <summary>
/// Subscriptions over the event log on two server instances sharing one database: resuming after a
/// cursor gives every missed event once and in order, then live ones; a coach's subscriptions end as
/// soon as the link they rest on ends, on both instances.
/// </summary>
public sealed class LiveResumeTests(LiveSessionTests.TwoInstances servers) : IClassFixture<LiveSessionTests.TwoInstances>
{
    private const string SessionUpdated = """
        subscription Live($sessionId: ID!, $after: String) { sessionUpdated(sessionId: $sessionId, after: $after) { cursor kind setId sessionVersion } }
        """;

    [Fact]
    public async Task A_subscriber_that_drops_and_resumes_with_its_cursor_on_the_other_instance_gets_every_missed_event_once_in_order()
    {
        var athlete = await servers.A.CreateUserAsync(UserRole.Athlete);
        using var http = await servers.B.CreateClientForAsync(athlete);
        var sessionId = await http.StartSessionAsync();
        var token = await servers.A.GetTokenAsync(athlete.Email, athlete.Password);

        string cursor;
        var logged = new List<string>();
        using (var first = await ConnectAsync(servers.A, token))
        {
            await first.SubscribeAsync("live", SessionUpdated, new { sessionId });
            await servers.A.WaitForSessionSubscribersAsync(1);
            logged.Add(await LogAsync(http, sessionId));
            logged.Add(await LogAsync(http, sessionId));
            var events = new[] { await NextAsync(first), await NextAsync(first) };
            Assert.Equal(logged, events.Select(e => e["setId"]!.GetValue<string>()));
            cursor = events[^1]["cursor"]!.GetValue<string>();
        }

        // Dropped: these happen while nobody listens.
        var missed = new List<string> { await LogAsync(http, sessionId), await LogAsync(http, sessionId), await LogAsync(http, sessionId) };

        using var resumed = await ConnectAsync(servers.B, token);
        await resumed.SubscribeAsync("live", SessionUpdated, new { sessionId, after = cursor });
        var replayed = new List<JsonNode> { await NextAsync(resumed), await NextAsync(resumed), await NextAsync(resumed) };
        var live = await LogAsync(http, sessionId);
        var next = await NextAsync(resumed);

        Assert.Equal(missed, replayed.Select(e => e["setId"]!.GetValue<string>()));
        Assert.Equal(live, next["setId"]!.GetValue<string>());
        var versions = replayed.Append(next).Select(e => e["sessionVersion"]!.GetValue<int>()).ToList();
        Assert.Equal(Enumerable.Range(versions[0], 4), versions); // consecutive: nothing missing, nothing twice
    }

    [Fact]
    public async Task Events_committed_while_the_listeners_reconnect_are_delivered_once_in_order()
    {
        var athlete = await servers.A.CreateUserAsync(UserRole.Athlete);
        using var http = await servers.B.CreateClientForAsync(athlete);
        var sessionId = await http.StartSessionAsync();
        using var subscriber = await ConnectAsync(servers.A, await servers.A.GetTokenAsync(athlete.Email, athlete.Password));
        await subscriber.SubscribeAsync("live", SessionUpdated, new { sessionId });
        await servers.A.WaitForSessionSubscribersAsync(1);
        var reader = servers.A.Services.GetRequiredService<EventLogReader>();
        var listens = reader.ListenCount;

        // Cut every LISTEN connection of this database (both instances' wake-up listeners), then write at once.
        await using (var admin = new NpgsqlConnection(servers.A.ConnectionString))
        {
            await admin.OpenAsync();
            await using var cut = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'", admin);
            Assert.True((long)(await cut.ExecuteScalarAsync())! >= 1);
        }

        var logged = new List<string> { await LogAsync(http, sessionId), await LogAsync(http, sessionId), await LogAsync(http, sessionId) };
        var received = new List<JsonNode> { await NextAsync(subscriber), await NextAsync(subscriber), await NextAsync(subscriber) };

        Assert.Equal(logged, received.Select(e => e["setId"]!.GetValue<string>()));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (reader.ListenCount == listens)
        {
            await Task.Delay(20, timeout.Token); // the listener came back, too
        }
    }

    [Fact]
    public async Task A_cursor_that_is_not_one_the_api_gave_out_is_a_validation_error_and_a_pruned_one_is_expired()
    {
        var athlete = await servers.A.CreateUserAsync(UserRole.Athlete);
        using var http = await servers.A.CreateClientForAsync(athlete);
        var sessionId = await http.StartSessionAsync();
        var token = await servers.A.GetTokenAsync(athlete.Email, athlete.Password);
        string cursor;
        using (var first = await ConnectAsync(servers.A, token))
        {
            await first.SubscribeAsync("live", SessionUpdated, new { sessionId });
            await servers.A.WaitForSessionSubscribersAsync(1);
            await LogAsync(http, sessionId);
            cursor = (await NextAsync(first))["cursor"]!.GetValue<string>();
        }

        using var socket = await ConnectAsync(servers.A, token);
        await socket.SubscribeAsync("forged", SessionUpdated, new { sessionId, after = "bm90IGEgY3Vyc29y" });
        var forged = await socket.ReceiveAsync();
        Assert.Equal("VALIDATION", forged["payload"]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        await servers.A.Services.GetRequiredService<EventLogPruning>().PruneAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);
        await socket.SubscribeAsync("pruned", SessionUpdated, new { sessionId, after = cursor });
        var (_, expired) = await socket.ReceiveUntilAsync("next");
        Assert.Equal("pruned", expired["id"]!.GetValue<string>());
        Assert.Equal("CURSOR_EXPIRED", expired["payload"]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ending_the_link_ends_the_coachs_subscriptions_with_forbidden_within_a_second_on_both_instances()
    {
        var athlete = await servers.A.CreateUserAsync(UserRole.Athlete);
        var coach = await servers.A.CreateUserAsync(UserRole.Coach);
        using var athleteHttp = await servers.B.CreateClientForAsync(athlete);
        using var coachHttp = await servers.B.CreateClientForAsync(coach);
        var linkId = (await athleteHttp.PostGraphQLAsync(
            "mutation($i: RequestCoachLinkInput!) { requestCoachLink(input: $i) { link { id } } }",
            new { i = new { clientMutationId = Guid.NewGuid().ToString(), email = coach.Email } })).Payload("requestCoachLink")["link"]!["id"]!.GetValue<string>();
        await coachHttp.PostGraphQLAsync("mutation($i: CoachLinkInput!) { acceptCoachLink(input: $i) { link { id } } }", new { i = new { clientMutationId = Guid.NewGuid().ToString(), linkId } });
        var sessionId = await athleteHttp.StartSessionAsync();

        var coachToken = await servers.A.GetTokenAsync(coach.Email, coach.Password);
        using var onA = await ConnectAsync(servers.A, coachToken);
        using var onB = await ConnectAsync(servers.B, coachToken);
        await onA.SubscribeAsync("activity", "subscription { athleteActivity { kind athleteId } }");
        await onB.SubscribeAsync("session", SessionUpdated, new { sessionId });
        await servers.A.WaitForSessionSubscribersAsync(1);
        await servers.B.WaitForSessionSubscribersAsync(1);

        // Both are live: each sees the athlete's set.
        await LogAsync(athleteHttp, sessionId);
        Assert.Equal("SET_LOGGED", (await NextAsync(onA))["kind"]!.GetValue<string>());
        Assert.Equal("SET_LOGGED", (await NextAsync(onB))["kind"]!.GetValue<string>());

        var ended = Stopwatch.StartNew();
        await athleteHttp.PostGraphQLAsync("mutation($i: CoachLinkInput!) { endCoachLink(input: $i) { link { status } } }", new { i = new { clientMutationId = Guid.NewGuid().ToString(), linkId } });
        var forbiddenA = await onA.ReceiveAsync();
        var forbiddenB = await onB.ReceiveAsync();
        var elapsed = ended.Elapsed;
        var completeA = await onA.ReceiveAsync();
        var completeB = await onB.ReceiveAsync();

        Assert.Equal("FORBIDDEN", forbiddenA["payload"]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", forbiddenB["payload"]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(("complete", "activity"), (completeA["type"]!.GetValue<string>(), completeA["id"]!.GetValue<string>()));
        Assert.Equal(("complete", "session"), (completeB["type"]!.GetValue<string>(), completeB["id"]!.GetValue<string>()));
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"the subscriptions ended {elapsed.TotalMilliseconds:0} ms after the link");
    }

    private static async Task<string> LogAsync(HttpClient http, string sessionId) =>
        (await http.LogSetAsync(sessionId)).Payload("logSet")["setId"]!.GetValue<string>();

    private static async Task<JsonNode> NextAsync(GraphQLWsTestClient socket)
    {
        var message = await socket.ReceiveAsync();
        Assert.True(message["type"]!.GetValue<string>() == "next", message.ToJsonString());
        return message["payload"]!["data"]!.AsObject().Single().Value!;
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
