using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.WebSockets;

namespace WorkoutTracker.Server.Tests.Identity;

/// <summary>
/// The server configured for Entra ID (Microsoft.Identity.Web) against a local OpenID Connect provider shaped
/// like Entra ID (<see cref="FakeEntraId"/>): nothing is stubbed inside the server; it reads the discovery document
/// and the signing keys over HTTP as it would from login.microsoftonline.com. A token passes or fails the same at
/// the HTTP and the WebSocket door.
/// </summary>
public sealed class EntraIdTokenTests(EntraIdTokenTests.Host api) : IClassFixture<EntraIdTokenTests.Host>
{
    public class Host : KestrelWorkoutApiFactory
    {
        public FakeEntraId EntraId { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            EntraId = await FakeEntraId.StartAsync();
            With("AzureAd:Instance", EntraId.Instance.ToString());
            With("AzureAd:TenantId", FakeEntraId.TenantId);
            With("AzureAd:ClientId", FakeEntraId.ClientId);
            With("AzureAd:Audience", FakeEntraId.ClientId);
            await base.InitializeAsync();
        }

        /// <summary>The one test-only change: the server's HTTP clients trust the local provider's certificate.</summary>
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(EntraId.TrustingHandler));
                services.Configure<Microsoft.Identity.Web.AadIssuerValidatorOptions>(o => o.HttpClientName = "entra-id-metadata");
                services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt => jwt.BackchannelHttpHandler = EntraId.TrustingHandler());
            });
        }

        protected override ValueTask DisposeDependenciesAsync() => EntraId.DisposeAsync();
    }

    [Fact]
    public async Task A_token_with_the_api_scope_passes_both_doors_and_a_first_sign_in_makes_an_athlete()
    {
        var user = new FakeEntraId.FakeUser(Guid.NewGuid().ToString(), "Ada Entra", []);
        var token = api.EntraId.AccessToken(user);

        var me = await MeAsync(token);

        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal("Ada Entra", me.Data!["me"]!["displayName"]!.GetValue<string>());
        Assert.Equal("ATHLETE", me.Data!["me"]!["role"]!.GetValue<string>());
        Assert.Equal("connection_ack", await InitAsync(token));
    }

    [Fact]
    public async Task The_coach_app_role_makes_a_coach()
    {
        var token = api.EntraId.AccessToken(new FakeEntraId.FakeUser(Guid.NewGuid().ToString(), "Cleo Coach", ["coach"]));

        var me = await MeAsync(token);

        Assert.Equal("COACH", me.Data!["me"]!["role"]!.GetValue<string>());
        Assert.Equal("connection_ack", await InitAsync(token));
    }

    [Fact]
    public async Task An_app_role_without_a_scope_passes_as_an_app_token_would()
    {
        var token = api.EntraId.AccessToken(scope: null, roles: ["coach"]);

        Assert.Equal(HttpStatusCode.OK, (await MeAsync(token)).Status);
    }

    public static TheoryData<string> Refused() => ["no scope or role", "another tenant", "another audience", "signed by another key", "expired"];

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_token_is_refused_at_both_doors_when(string what)
    {
        var token = what switch
        {
            "no scope or role" => api.EntraId.AccessToken(scope: null, roles: []),
            "another tenant" => api.EntraId.AccessToken(tenant: FakeEntraId.OtherTenantId),
            "another audience" => api.EntraId.AccessToken(audience: "api://some-other-app"),
            "signed by another key" => api.EntraId.AccessToken(signingKey: new RsaSecurityKey(RSA.Create(2048)) { KeyId = api.EntraId.Key.KeyId }),
            _ => api.EntraId.AccessToken(lifetime: TimeSpan.FromMinutes(-10)),
        };

        var http = await MeAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, http.Status);
        Assert.Equal("UNAUTHENTICATED", http.FirstErrorCode);
        Assert.Equal("close 4403", await InitAsync(token));
    }

    private async Task<GraphQLResponse> MeAsync(string token)
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.PostGraphQLAsync("{ me { id displayName role } }");
    }

    /// <summary>The answer to <c>connection_init</c> carrying the token: the ack, or the close code.</summary>
    private async Task<string> InitAsync(string token)
    {
        using var socket = await GraphQLWsTestClient.ConnectAsync(api.WebSocketUri);
        await socket.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + token } });
        var close = socket.ReceiveCloseAsync();
        try
        {
            return $"close {(await close).Code}";
        }
        catch (Xunit.Sdk.XunitException ex) when (ex.Message.Contains("connection_ack", StringComparison.Ordinal))
        {
            return "connection_ack";
        }
    }
}
