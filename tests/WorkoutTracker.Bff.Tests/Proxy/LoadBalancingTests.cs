using System.Net;
using WorkoutTracker.Bff.Tests.Infrastructure;

namespace WorkoutTracker.Bff.Tests.Proxy;

public sealed class TwoServerSystem : BffSystem
{
    protected override int ServerCount => 2;

    protected override void Configure(IDictionary<string, string?> server, IDictionary<string, string?> bff) =>
        bff["Server:LoadBalancing"] = "RoundRobin";
}

/// <summary>The proxy balances across server instances and routes around one that stopped.</summary>
public sealed class LoadBalancingTests(TwoServerSystem system) : IClassFixture<TwoServerSystem>
{
    [Fact]
    public async Task Both_instances_see_traffic_and_a_stopped_one_is_routed_around()
    {
        using var athlete = await system.SignInAthleteAsync();
        var (first, second) = (system.Servers[0], system.Servers[1]);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await athlete.PersistedAsync("Me")).Status);
        }

        Assert.True(first.GraphQLAuthorizations.Count >= 3, $"first instance served {first.GraphQLAuthorizations.Count}");
        Assert.True(second.GraphQLAuthorizations.Count >= 3, $"second instance served {second.GraphQLAuthorizations.Count}");

        await second.DisposeAsync(); // the instance stops listening
        var servedByFirst = first.GraphQLAuthorizations.Count;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await athlete.PersistedAsync("Me")).Status);
            statuses.Add((await athlete.PersistedAsync("StartSession", new { input = new { clientMutationId = Guid.NewGuid().ToString() } }, post: true)).Status);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(servedByFirst + 20, first.GraphQLAuthorizations.Count);

        // WebSocket upgrades are balanced by the same cluster.
        using var socket = await GraphQLWsClient.ConnectAsync(athlete.Address, athlete.Cookie, GraphQLWsClient.OriginOf(athlete.Address));
        await socket.InitAsync();
        await socket.CloseAsync();
    }
}
