using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WorkoutTracker.Server.Identity;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.WebSockets;

namespace WorkoutTracker.Server.Tests.Security;

/// <summary>
/// The server's own limits (a caller that skips the BFF meets them too): sign-in backoff per account and per
/// client address, the same for unknown emails, with the same password work for both; GraphQL operations per
/// user over HTTP and WebSocket; client addresses from X-Forwarded-For only when the peer is a configured proxy.
/// </summary>
public sealed class RateLimitTests(RateLimitTests.Host api) : IClassFixture<RateLimitTests.Host>
{
    public const int GraphQLLimit = 3;
    public const int FreeFailures = 3;

    /// <summary>Low limits, windows far longer than the test, and a hand-driven clock for the sign-in backoff.</summary>
    public sealed class Host : KestrelWorkoutApiFactory
    {
        public Host()
        {
            With("RateLimiting:GraphQL:PermitLimit", GraphQLLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            With("RateLimiting:GraphQL:Window", "06:00:00");
            With("Identity:SignInThrottle:FreeFailuresPerAccount", FreeFailures.ToString(System.Globalization.CultureInfo.InvariantCulture));
            With("Identity:SignInThrottle:FreeFailuresPerAddress", "1000");
            With("Identity:LocalAccounts:MaxFailedSignIns", "100"); // the account lockout has its own tests (LocalAccountTests)
        }

        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(sp => new SignInThrottle(sp.GetRequiredService<IOptions<SignInThrottleOptions>>(), Clock));
                services.AddSingleton<IPasswordHasher<User>>(Hasher);
            });
        }
    }

    /// <summary>ASP.NET Core's hasher, counting verifications.</summary>
    public sealed class CountingHasher : IPasswordHasher<User>
    {
        private readonly PasswordHasher<User> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(User user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Failed_sign_ins_back_off_per_account_doubling_the_wait_known_email_or_not(bool known)
    {
        var email = known ? (await api.CreateUserAsync(UserRole.Athlete)).Email : $"{Guid.NewGuid():N}@nobody.workouttracker.dev";
        using var client = api.CreateClient();

        for (var i = 0; i < FreeFailures; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, email, "wrong")).StatusCode);
        }

        var waits = new List<int>();
        for (var round = 0; round < 3; round++)
        {
            using var refused = await SignInAsync(client, email, "wrong");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            var wait = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
            waits.Add(wait);
            api.Clock.Advance(TimeSpan.FromSeconds(wait));
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, email, "wrong")).StatusCode); // allowed again, and wrong again
        }

        Assert.Equal([1, 2, 4], waits);
    }

    [Fact]
    public async Task The_right_password_during_the_wait_is_refused_too_and_works_after_it()
    {
        var user = await api.CreateUserAsync(UserRole.Athlete);
        using var client = api.CreateClient();
        for (var i = 0; i < FreeFailures; i++)
        {
            await SignInAsync(client, user.Email, "wrong");
        }

        using var during = await SignInAsync(client, user.Email, user.Password);
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        using var after = await SignInAsync(client, user.Email, user.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, during.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task An_unknown_email_costs_one_password_verification_like_a_wrong_password()
    {
        var user = await api.CreateUserAsync(UserRole.Athlete);
        using var client = api.CreateClient();

        var before = api.Hasher.Verifications;
        using var unknown = await SignInAsync(client, $"{Guid.NewGuid():N}@nobody.workouttracker.dev", "whatever");
        var afterUnknown = api.Hasher.Verifications;
        using var wrong = await SignInAsync(client, user.Email, "wrong");
        var afterWrong = api.Hasher.Verifications;

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(1, afterUnknown - before);
        Assert.Equal(1, afterWrong - afterUnknown);
    }

    [Fact]
    public async Task Past_the_limit_a_user_gets_429_with_retry_after_and_rate_limited_and_other_users_do_not()
    {
        using var limited = await api.CreateClientForAsync(await api.CreateUserAsync(UserRole.Athlete));
        using var other = await api.CreateClientForAsync(await api.CreateUserAsync(UserRole.Athlete));

        for (var i = 0; i < GraphQLLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await limited.PostGraphQLAsync("{ me { id } }")).Status);
        }

        var refused = await limited.PostGraphQLAsync("{ me { id } }");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("RATE_LIMITED", refused.FirstErrorCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 6 * 3600);
        Assert.Equal(HttpStatusCode.OK, (await other.PostGraphQLAsync("{ me { id } }")).Status);
    }

    [Fact]
    public async Task Past_the_limit_a_websocket_subscribe_is_answered_with_a_rate_limited_error()
    {
        var user = await api.CreateUserAsync(UserRole.Athlete);
        var token = await api.GetTokenAsync(user.Email, user.Password);
        using var socket = await GraphQLWsTestClient.ConnectAsync(api.WebSocketUri);
        await socket.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + token } });
        Assert.Equal("connection_ack", (await socket.ReceiveAsync())["type"]!.GetValue<string>());

        for (var i = 0; i < GraphQLLimit; i++)
        {
            await socket.SubscribeAsync($"q{i}", "{ me { id } }");
            Assert.Equal("next", (await socket.ReceiveAsync())["type"]!.GetValue<string>());
            Assert.Equal("complete", (await socket.ReceiveAsync())["type"]!.GetValue<string>());
        }

        await socket.SubscribeAsync("over", "{ me { id } }");
        var refused = await socket.ReceiveAsync();

        Assert.Equal("error", refused["type"]!.GetValue<string>());
        Assert.Equal("over", refused["id"]!.GetValue<string>());
        Assert.Equal("RATE_LIMITED", refused["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(false, HttpStatusCode.TooManyRequests)]
    [InlineData(true, HttpStatusCode.Unauthorized)]
    public async Task X_forwarded_for_picks_the_client_address_only_from_a_configured_proxy(bool trustLoopback, HttpStatusCode fourthFailure)
    {
        var host = new KestrelWorkoutApiFactory()
            .With("Identity:SignInThrottle:FreeFailuresPerAccount", "1000")
            .With("Identity:SignInThrottle:FreeFailuresPerAddress", "3")
            .With("Identity:SignInThrottle:BaseDelay", "00:10:00"); // far longer than the test: the wait cannot pass by itself
        if (trustLoopback)
        {
            host.With("ForwardedHeaders:KnownProxies:0", "127.0.0.1");
        }

        await ((IAsyncLifetime)host).InitializeAsync();
        try
        {
            using var client = host.CreateClient();
            var statuses = new List<HttpStatusCode>();
            foreach (var clientAddress in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/dev/token") { Content = JsonContent.Create(new { email = $"{Guid.NewGuid():N}@x.dev", password = "wrong" }) };
                request.Headers.Add("X-Forwarded-For", clientAddress);
                using var response = await client.SendAsync(request);
                statuses.Add(response.StatusCode);
            }

            // Untrusted: all four are the loopback caller, whose third failure starts the wait. Trusted: four clients.
            Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, fourthFailure], statuses);
        }
        finally
        {
            await ((IAsyncLifetime)host).DisposeAsync();
        }
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/dev/token", new { email, password });
}
