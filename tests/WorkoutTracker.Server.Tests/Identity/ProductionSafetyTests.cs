using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using WorkoutTracker.Server.Identity;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Identity;

/// <summary>
/// The development issuer's key in appsettings.json is public: outside Development and Testing the server
/// refuses to start with it (or with any weak key), and without Entra ID or an explicit opt-in at all.
/// </summary>
public sealed class ProductionSafetyTests
{
    private const string PublishedKey = "Wzm9ZCP9aVYcbhvau1YoU15du1SewU+tioZYGXJIlZA=";

    [Fact]
    public async Task A_production_host_without_azure_ad_refuses_to_start_rather_than_trust_the_public_development_key()
    {
        var error = await StartFailureAsync("Production");

        Assert.Contains("AzureAd", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enabling_the_development_issuer_in_production_with_the_published_key_refuses_to_start_and_says_what_to_set()
    {
        var error = await StartFailureAsync("Production", ("Identity:LocalAccounts:Enabled", "true"));

        Assert.Contains("published in the repository", error, StringComparison.Ordinal);
        Assert.Contains("Identity__TokenIssuer__SigningKey", error, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", error, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> WeakKeys() => new()
    {
        { "16 random bytes", Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)) },
        { "a passphrase", Convert.ToBase64String(Encoding.UTF8.GetBytes("correct horse battery staple, 2026!")) },
        { "a repeated pattern", Convert.ToBase64String([.. Enumerable.Repeat(new byte[] { 0xDE, 0xAD, 0xBE, 0xEF }, 12).SelectMany(b => b)]) },
        { "zeros", Convert.ToBase64String(new byte[32]) },
        { "not base64", "this is not a key" },
    };

    [Theory]
    [MemberData(nameof(WeakKeys))]
    public async Task Enabling_the_development_issuer_in_production_with_a_weak_key_refuses_to_start(string kind, string key)
    {
        var error = await StartFailureAsync("Production", ("Identity:LocalAccounts:Enabled", "true"), ("Identity:TokenIssuer:SigningKey", key));

        Assert.Contains("Identity:TokenIssuer:SigningKey", error, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", error, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(kind));
    }

    [Fact]
    public async Task With_a_random_key_of_its_own_the_development_issuer_runs_in_production_and_its_tokens_work()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var production = new Host("Production", ("Identity:LocalAccounts:Enabled", "true"), ("Identity:TokenIssuer:SigningKey", key));
        try
        {
            await production.InitializeAsync();
            var user = await production.CreateUserAsync(UserRole.Athlete);
            using var client = await production.CreateClientForAsync(user);

            var me = await client.PostGraphQLAsync("{ me { id } }");
            using var anonymous = production.CreateClient();
            using var devToken = await anonymous.PostAsJsonAsync("/dev/token", new { email = user.Email, password = user.Password });
            using var demo = await anonymous.PostAsJsonAsync("/account/token", new { email = DemoUsers.Athlete.Email, password = DemoUsers.Athlete.Password });

            Assert.Equal(HttpStatusCode.OK, me.Status);
            Assert.Equal(user.Id.ToString(), me.Data!["me"]!["id"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.NotFound, devToken.StatusCode); // /dev/token is for Development and Testing only
            Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode); // and so are the demo users
        }
        finally
        {
            await ((IAsyncLifetime)production).DisposeAsync();
        }
    }

    [Fact]
    public void Every_signing_key_committed_to_the_repository_is_known_as_published()
    {
        var settings = Directory.EnumerateFiles(TestPostgres.RepositoryRoot, "appsettings*.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                        !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                        !f.Contains("node_modules", StringComparison.Ordinal));
        var keys = settings
            .Select(f => JsonNode.Parse(File.ReadAllText(f))?["Identity"]?["TokenIssuer"]?["SigningKey"]?.GetValue<string>())
            .OfType<string>()
            .ToList();

        Assert.Contains(PublishedKey, keys);
        Assert.All(keys, key => Assert.Contains(SigningKeyPolicy.Fingerprint(key), SigningKeyPolicy.PublishedKeyFingerprints));
    }

    /// <summary>Starts a host with the settings and returns the message of why it would not start.</summary>
    private static async Task<string> StartFailureAsync(string environment, params (string Key, string Value)[] settings)
    {
        var host = new Host(environment, settings);
        try
        {
            var error = await Record.ExceptionAsync(host.InitializeAsync);
            Assert.NotNull(error);
            return string.Join(" | ", Chain(error));
        }
        finally
        {
            await ((IAsyncLifetime)host).DisposeAsync();
        }
    }

    private static IEnumerable<string> Chain(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            yield return error.Message;
        }
    }

    private sealed class Host : WorkoutApiFactory
    {
        private readonly string _environment;

        public Host(string environment, params (string Key, string Value)[] settings)
        {
            _environment = environment;
            foreach (var (key, value) in settings)
            {
                With(key, value);
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(_environment);
        }
    }
}
