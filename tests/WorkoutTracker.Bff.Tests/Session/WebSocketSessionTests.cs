using WorkoutTracker.Bff.Tests.Infrastructure;

namespace WorkoutTracker.Bff.Tests.Session;

/// <summary>A relayed socket is held to its BFF session: a logout on any BFF instance closes it 4403.</summary>
public sealed class WebSocketLogoutTests(TwoBffSystem system) : IClassFixture<TwoBffSystem>
{
    [Fact]
    public async Task Logging_out_on_another_bff_instance_closes_the_socket_4403()
    {
        using var athlete = await system.SignInAthleteAsync(bff: 0);
        var sessionId = await athlete.StartSessionAsync();
        using var socket = await GraphQLWsClient.ConnectAsync(athlete.Address, athlete.Cookie, GraphQLWsClient.OriginOf(athlete.Address));
        await socket.InitAsync();
        await socket.SubscribeAsync("live", WorkoutApi.PersistedSubscription("SessionUpdated", new { sessionId }));

        using var elsewhere = system.Bffs[1].CreateBffClient(athlete.Cookie);
        using var logout = await elsewhere.SendAsync(HttpMethod.Post, "/bff/logout");

        Assert.True(logout.IsSuccessStatusCode, $"logout answered {(int)logout.StatusCode}");
        Assert.Equal((4403, "Session ended"), await socket.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Logging_out_on_the_same_instance_closes_the_socket_4403()
    {
        using var athlete = await system.SignInAthleteAsync(bff: 1);
        using var socket = await GraphQLWsClient.ConnectAsync(athlete.Address, athlete.Cookie, GraphQLWsClient.OriginOf(athlete.Address));
        await socket.InitAsync();

        using var logout = await athlete.SendAsync(HttpMethod.Post, "/bff/logout");

        Assert.True(logout.IsSuccessStatusCode, $"logout answered {(int)logout.StatusCode}");
        Assert.Equal((4403, "Session ended"), await socket.ReceiveCloseAsync());
    }
}

/// <summary>Access tokens live one minute and the BFF renews them 58 s before expiry: a relayed socket's token is renewed within seconds.</summary>
public sealed class RenewingTokenSystem : BffSystem
{
    protected override void Configure(IDictionary<string, string?> server, IDictionary<string, string?> bff)
    {
        server["Identity:TokenIssuer:TokenLifetime"] = "00:01:00";
        bff["Bff:Session:RefreshBeforeExpiry"] = "00:00:58";
    }
}

/// <summary>The BFF hands a renewed token to the server over the open socket, so subscriptions are not dropped.</summary>
public sealed class WebSocketTokenRenewalTests(RenewingTokenSystem system) : IClassFixture<RenewingTokenSystem>
{
    [Fact]
    public async Task A_renewed_token_reaches_the_server_and_the_subscription_goes_on()
    {
        using var athlete = await system.SignInAthleteAsync();
        var sessionId = await athlete.StartSessionAsync();
        using var socket = await GraphQLWsClient.ConnectAsync(athlete.Address, athlete.Cookie, GraphQLWsClient.OriginOf(athlete.Address));
        var ack = await socket.InitAsync();
        var firstDeadline = DateTimeOffset.Parse(ack["payload"]!["expiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        await socket.SubscribeAsync("live", WorkoutApi.PersistedSubscription("SessionUpdated", new { sessionId }));

        // The server answers the relay's renewal ping with the new deadline; the relay passes the pong on.
        var pong = await socket.ReceiveAsync();
        while (pong["type"]!.GetValue<string>() != "pong")
        {
            pong = await socket.ReceiveAsync();
        }

        var renewedDeadline = DateTimeOffset.Parse(pong["payload"]!["expiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(renewedDeadline > firstDeadline, $"renewed {renewedDeadline:o}, first {firstDeadline:o}");
        Assert.Null(pong["payload"]!["authorization"]);

        await athlete.LogSetAsync(sessionId, loadKg: 90m);
        var next = await socket.ReceiveAsync("next", "live");
        Assert.Equal(90m, next["payload"]!["data"]!["sessionUpdated"]!["set"]!["loadKg"]!.GetValue<decimal>());
        Assert.Null(socket.Closed);
    }
}
