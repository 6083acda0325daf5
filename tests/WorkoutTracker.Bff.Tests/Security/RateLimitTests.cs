using System.Net;
using WorkoutTracker.Bff.Tests.Infrastructure;

namespace WorkoutTracker.Bff.Tests.Security;

public sealed class RateLimitedSystem : BffSystem
{
    public const int Limit = 5;

    /// <summary>
    /// A fixed window starts at a partition's first request, so with a window far longer than the test the
    /// requests of one user can never straddle two windows (a one-minute window could, on a slow machine).
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(6);

    protected override void Configure(IDictionary<string, string?> server, IDictionary<string, string?> bff)
    {
        bff["Bff:RateLimiting:PermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        bff["Bff:RateLimiting:Window"] = Window.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>Requests per user (per IP address when signed out) are limited on the BFF.</summary>
public sealed class RateLimitTests(RateLimitedSystem system) : IClassFixture<RateLimitedSystem>
{
    [Fact]
    public async Task Past_the_limit_a_user_gets_429_with_retry_after_and_other_users_do_not()
    {
        using var athlete = await system.SignInAthleteAsync();
        using var coach = await system.SignInCoachAsync();

        for (var i = 0; i < RateLimitedSystem.Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await athlete.PersistedAsync("Me")).Status);
        }

        var limited = await athlete.PersistedAsync("Me");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        var retryAfter = int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, (int)RateLimitedSystem.Window.TotalSeconds);
        Assert.Equal(HttpStatusCode.OK, (await coach.PersistedAsync("Me")).Status); // a partition per user
    }
}
