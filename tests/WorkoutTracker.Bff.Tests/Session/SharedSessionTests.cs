using System.Net;
using WorkoutTracker.Bff.Tests.Infrastructure;

namespace WorkoutTracker.Bff.Tests.Session;

public sealed class TwoBffSystem : BffSystem
{
    protected override int BffCount => 2;
}

/// <summary>Two BFF instances share sessions (PostgreSQL) and Data Protection keys (PostgreSQL), so a cookie works on either.</summary>
public sealed class SharedSessionTests(TwoBffSystem system) : IClassFixture<TwoBffSystem>
{
    [Fact]
    public async Task A_cookie_issued_by_one_instance_works_on_the_other_and_logout_there_ends_it_everywhere()
    {
        using var onA = await system.SignInAthleteAsync(bff: 0);
        using var onB = system.Bffs[1].CreateBffClient(onA.Cookie);

        var me = await onB.PersistedAsync("Me");
        using var user = await onB.SendAsync(HttpMethod.Get, "/bff/user");

        Assert.Equal("Alex Athlete", me.Data?["me"]?["displayName"]?.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, user.StatusCode);

        using var logout = await onB.SendAsync(HttpMethod.Post, "/bff/logout");
        Assert.Equal(HttpStatusCode.Unauthorized, (await onA.PersistedAsync("Me")).Status);
    }
}
