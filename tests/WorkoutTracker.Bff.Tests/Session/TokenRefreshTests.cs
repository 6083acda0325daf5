using System.Net;
using WorkoutTracker.Bff.Tests.Infrastructure;

namespace WorkoutTracker.Bff.Tests.Session;

/// <summary>Access tokens that live one minute, and a BFF that renews them two minutes before expiry: every call refreshes.</summary>
public sealed class ShortTokenSystem : BffSystem
{
    protected override void Configure(IDictionary<string, string?> server, IDictionary<string, string?> bff)
    {
        server["Identity:TokenIssuer:TokenLifetime"] = "00:01:00";
        bff["Bff:Session:RefreshBeforeExpiry"] = "00:02:00";
    }
}

/// <summary>The BFF renews the user's access token (refresh-token grant, single-use refresh tokens) before it expires.</summary>
public sealed class TokenRefreshTests(ShortTokenSystem system) : IClassFixture<ShortTokenSystem>
{
    [Fact]
    public async Task An_access_token_about_to_expire_is_refreshed_before_it_is_forwarded()
    {
        using var athlete = await system.SignInAthleteAsync();
        var log = system.Servers[0].GraphQLAuthorizations;

        var first = await athlete.PersistedAsync("Me");
        var firstToken = log.Last();
        var second = await athlete.PersistedAsync("Me");
        var secondToken = log.Last();

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal("Alex Athlete", second.Data!["me"]!["displayName"]!.GetValue<string>());
        Assert.StartsWith("Bearer ey", secondToken, StringComparison.Ordinal);
        Assert.NotEqual(firstToken, secondToken);
    }

    [Fact]
    public async Task Concurrent_calls_share_one_refresh_and_all_succeed()
    {
        using var athlete = await system.SignInAthleteAsync();

        // Each refresh spends the refresh token; without the session's row lock two of these would redeem the same one.
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => athlete.PersistedAsync("Me")));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(HttpStatusCode.OK, (await athlete.PersistedAsync("Me")).Status);
    }
}
