using WorkoutTracker.Bff.Tests.Infrastructure;

namespace WorkoutTracker.Bff.Tests.Security;

/// <summary>
/// The /graphql WebSocket through the BFF: authenticated by the session cookie, protected against
/// cross-site use by the Origin (or X-CSRF) check, with the athlete allowlist applied to subscribe messages.
/// </summary>
public sealed class WebSocketTests(BffSystem system) : IClassFixture<BffSystem>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Athlete_subscription_through_the_bff_receives_a_set_logged_through_the_bff()
    {
        using var athlete = await system.SignInAthleteAsync();
        var sessionId = await athlete.StartSessionAsync();
        using var socket = await GraphQLWsClient.ConnectAsync(athlete.Address, athlete.Cookie, GraphQLWsClient.OriginOf(athlete.Address));
        await socket.InitAsync();

        await socket.SubscribeAsync("s1", WorkoutApi.PersistedSubscription("SessionUpdated", new { sessionId }));
        var next = await LogSetsUntilAsync(athlete, sessionId, socket, "s1", loadKg: 102.5m);

        Assert.Equal("SET_LOGGED", next["payload"]!["data"]!["sessionUpdated"]!["kind"]!.GetValue<string>());
        Assert.Equal(102.5m, next["payload"]!["data"]!["sessionUpdated"]!["set"]!["loadKg"]!.GetValue<decimal>());
        Assert.StartsWith("Bearer ey", system.Servers[0].GraphQLAuthorizations.Last(), StringComparison.Ordinal);
        await socket.CloseAsync();
    }

    [Fact]
    public async Task Athlete_ad_hoc_subscription_over_the_socket_is_refused_and_the_socket_stays_usable()
    {
        using var athlete = await system.SignInAthleteAsync();
        var sessionId = await athlete.StartSessionAsync();
        using var socket = await GraphQLWsClient.ConnectAsync(athlete.Address, athlete.Cookie, GraphQLWsClient.OriginOf(athlete.Address));
        await socket.InitAsync();

        await socket.SubscribeAsync("adhoc", new { query = "subscription ($id: ID!) { sessionUpdated(sessionId: $id) { kind setId } }", variables = new { id = sessionId } });
        var error = await socket.ReceiveAsync("error", "adhoc");

        Assert.Equal("PERSISTED_QUERY_REQUIRED", error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());

        await socket.SubscribeAsync("persisted", WorkoutApi.PersistedSubscription("SessionUpdated", new { sessionId }));
        var next = await LogSetsUntilAsync(athlete, sessionId, socket, "persisted");
        Assert.Equal("SET_LOGGED", next["payload"]!["data"]!["sessionUpdated"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Coach_may_subscribe_with_an_ad_hoc_document()
    {
        using var athlete = await system.SignInAthleteAsync();
        using var coach = await system.SignInCoachAsync();
        var sessionId = await athlete.StartSessionAsync();
        using var socket = await GraphQLWsClient.ConnectAsync(coach.Address, coach.Cookie, GraphQLWsClient.OriginOf(coach.Address));
        await socket.InitAsync();

        await socket.SubscribeAsync("live", new { query = "subscription { athleteActivity { kind sessionId set { reps } } }" });
        var next = await LogSetsUntilAsync(athlete, sessionId, socket, "live");

        Assert.Equal(sessionId, next["payload"]!["data"]!["athleteActivity"]!["sessionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Handshake_from_another_origin_without_the_csrf_header_is_refused_403()
    {
        using var athlete = await system.SignInAthleteAsync();

        var refused = await Assert.ThrowsAsync<HandshakeRefusedException>(() =>
            GraphQLWsClient.ConnectAsync(athlete.Address, athlete.Cookie, "http://evil.example"));
        var noOrigin = await Assert.ThrowsAsync<HandshakeRefusedException>(() =>
            GraphQLWsClient.ConnectAsync(athlete.Address, athlete.Cookie, origin: null));

        Assert.Equal(403, refused.Status);
        Assert.Equal(403, noOrigin.Status);
    }

    [Fact]
    public async Task Native_client_handshake_with_the_csrf_header_and_no_origin_works()
    {
        using var athlete = await system.SignInAthleteAsync();

        using var socket = await GraphQLWsClient.ConnectAsync(athlete.Address, athlete.Cookie, origin: null, csrfHeader: true);

        await socket.InitAsync();
        await socket.CloseAsync();
    }

    [Fact]
    public async Task Handshake_without_a_session_is_401()
    {
        using var anonymous = system.Bff.CreateBffClient();

        var refused = await Assert.ThrowsAsync<HandshakeRefusedException>(() =>
            GraphQLWsClient.ConnectAsync(anonymous.Address, cookie: null, GraphQLWsClient.OriginOf(anonymous.Address)));

        Assert.Equal(401, refused.Status);
    }

    public static TheoryData<string> ForgedConnectionParams() =>
    [
        """{"authorization":"Bearer forged","token":"forged"}""",
        """{"Authorization":"Bearer forged"}""",
        """{"AUTHORIZATION":"Bearer forged"}""",
        """{"Token":"forged"}""",
        """{"auth\u006frization":"Bearer forged"}""",
        """{"accessToken":"forged","access_token":"forged","jwt":"forged"}""",
        """{"headers":{"Authorization":"Bearer forged"}}""",
    ];

    [Theory]
    [MemberData(nameof(ForgedConnectionParams))]
    public async Task A_token_the_client_puts_in_connection_init_is_dropped_whatever_its_spelling(string payload)
    {
        using var athlete = await system.SignInAthleteAsync();
        using var socket = await GraphQLWsClient.ConnectAsync(athlete.Address, athlete.Cookie, GraphQLWsClient.OriginOf(athlete.Address));

        // The server would close 4403 for a forged token if it saw one; the BFF drops the payload, so the session's token counts.
        await socket.InitAsync(System.Text.Json.Nodes.JsonNode.Parse(payload));

        await socket.SubscribeAsync("me", new { query = PersistedOperations.TextOf("Me") });
        var next = await socket.ReceiveAsync("next", "me");
        Assert.Equal("Alex Athlete", next["payload"]!["data"]!["me"]!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_ping_carrying_a_token_from_the_client_never_reaches_the_server_as_credentials()
    {
        using var athlete = await system.SignInAthleteAsync();
        using var socket = await GraphQLWsClient.ConnectAsync(athlete.Address, athlete.Cookie, GraphQLWsClient.OriginOf(athlete.Address));
        await socket.InitAsync();

        // A ping with a token renews the socket's credentials on the server (4403 for a forged one); only the BFF may send one.
        await socket.SendAsync(new { type = "ping", payload = new { authorization = "Bearer forged" } });
        var pong = await socket.ReceiveAsync();

        Assert.Equal("pong", pong["type"]!.GetValue<string>());
        Assert.Null(socket.Closed);
        await socket.SubscribeAsync("me", new { query = PersistedOperations.TextOf("Me") });
        Assert.Equal("Alex Athlete", (await socket.ReceiveAsync("next", "me"))["payload"]!["data"]!["me"]!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_athletes_binary_frame_is_refused_4400_and_its_document_never_runs()
    {
        using var athlete = await system.SignInAthleteAsync();
        using var socket = await GraphQLWsClient.ConnectAsync(athlete.Address, athlete.Cookie, GraphQLWsClient.OriginOf(athlete.Address));
        await socket.InitAsync();

        // An ad-hoc document the allowlist refuses as text; as a binary frame it must not slip through.
        await socket.SendBinaryAsync(new { id = "adhoc", type = "subscribe", payload = new { query = "{ me { id } }" } });

        var (code, reason) = await socket.ReceiveCloseAsync();
        Assert.Equal(4400, code);
        Assert.Contains("binary", reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// Subscriptions start asynchronously on the server (graphql-ws has no "subscribed" ack), so sets are
    /// logged until the first event arrives.
    /// </summary>
    private static async Task<System.Text.Json.Nodes.JsonNode> LogSetsUntilAsync(
        BffClient athlete, string sessionId, GraphQLWsClient socket, string id, decimal loadKg = 100m)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await athlete.LogSetAsync(sessionId, loadKg);
            if (await socket.TryReceiveAsync("next", id, Wait) is { } next)
            {
                return next;
            }
        }

        throw new Xunit.Sdk.XunitException($"No event for '{id}' after 10 logged sets; closed: {socket.Closed}");
    }
}
