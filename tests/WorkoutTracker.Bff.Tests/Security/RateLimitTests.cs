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

/// <summary>The limited BFF behind a proxy it trusts (loopback, where the tests run).</summary>
public sealed class RateLimitedBehindProxySystem : BffSystem
{
    public const int Limit = 2;

    protected override void Configure(IDictionary<string, string?> server, IDictionary<string, string?> bff)
    {
        bff["Bff:RateLimiting:PermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        bff["Bff:RateLimiting:Window"] = "06:00:00";
        bff["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1";
    }
}

/// <summary>Signed-out callers are limited per client address: X-Forwarded-For names it only when a configured proxy sent it.</summary>
public sealed class ForwardedRateLimitTests(RateLimitedBehindProxySystem trusted, RateLimitedSystem untrusted)
    : IClassFixture<RateLimitedBehindProxySystem>, IClassFixture<RateLimitedSystem>
{
    [Fact]
    public async Task Behind_a_configured_proxy_each_forwarded_client_has_its_own_limit()
    {
        var first = await StatusesAsync(trusted.Bff.Address, "198.51.100.7", RateLimitedBehindProxySystem.Limit + 1);
        var second = await StatusesAsync(trusted.Bff.Address, "198.51.100.8", 1);

        Assert.Equal(HttpStatusCode.TooManyRequests, first[^1]);
        Assert.All(first[..^1], s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal([HttpStatusCode.Unauthorized], second);
    }

    [Fact]
    public async Task Without_a_configured_proxy_a_forwarded_header_does_not_escape_the_limit()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= RateLimitedSystem.Limit; i++)
        {
            statuses.AddRange(await StatusesAsync(untrusted.Bff.Address, $"198.51.100.{i + 10}", 1)); // a new "client" every time
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    /// <summary>Signed-out GET /bff/user (401 while allowed) as <paramref name="client"/>, <paramref name="count"/> times.</summary>
    private static async Task<HttpStatusCode[]> StatusesAsync(Uri bff, string client, int count)
    {
        using var http = new HttpClient { BaseAddress = bff };
        var statuses = new HttpStatusCode[count];
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/bff/user");
            request.Headers.Add("X-CSRF", "1");
            request.Headers.Add("X-Forwarded-For", client);
            using var response = await http.SendAsync(request);
            statuses[i] = response.StatusCode;
        }

        return statuses;
    }
}
