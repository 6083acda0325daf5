using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.WebSockets;

namespace WorkoutTracker.Server.Tests.Identity;

/// <summary>
/// The server configured for Entra ID (Microsoft.Identity.Web). No tenant is reachable here, so the test
/// hands the JwtBearer options a static OpenID configuration with a signing key of its own; everything
/// else (Microsoft.Identity.Web's events, among them the check that an access token carries a scope or an
/// app role) stays as the app configures it. A token passes or fails the same at the HTTP and the WebSocket door.
/// </summary>
public sealed class EntraIdTokenTests(EntraIdTokenTests.Host api) : IClassFixture<EntraIdTokenTests.Host>
{
    private const string TenantId = "7f3b0b49-5c5e-4f3b-9d7c-0e1d9b1c2a11";
    private const string ClientId = "0b6c3f52-8f1e-4f0e-a2a4-6e9d2b7c1d22";
    private static readonly string Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0";

    public sealed class Host : KestrelWorkoutApiFactory
    {
        public Host()
        {
            With("AzureAd:Instance", "https://login.microsoftonline.com/");
            With("AzureAd:TenantId", TenantId);
            With("AzureAd:ClientId", ClientId);
            With("AzureAd:Audience", ClientId);
        }

        public RsaSecurityKey Key { get; } = new(RSA.Create(2048)) { KeyId = "test-key" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
            {
                var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
                configuration.SigningKeys.Add(Key);
                jwt.Configuration = configuration;
                jwt.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
                jwt.TokenValidationParameters.IssuerValidator = null; // Microsoft.Identity.Web's reads the tenant's metadata
                jwt.TokenValidationParameters.ValidIssuer = Issuer;
            }));
        }
    }

    [Fact]
    public async Task A_token_with_a_scope_passes_both_doors()
    {
        var token = Token(new Claim("scp", "access_as_user"));

        Assert.Equal(HttpStatusCode.OK, (await MeAsync(token)).Status);
        Assert.Equal("connection_ack", await InitAsync(token));
    }

    [Fact]
    public async Task A_token_with_an_app_role_passes_both_doors()
    {
        var token = Token(new Claim("roles", "coach"));

        Assert.Equal(HttpStatusCode.OK, (await MeAsync(token)).Status);
        Assert.Equal("connection_ack", await InitAsync(token));
    }

    [Fact]
    public async Task A_token_with_neither_scope_nor_role_is_refused_at_both_doors()
    {
        var token = Token();

        var http = await MeAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, http.Status);
        Assert.Equal("UNAUTHENTICATED", http.FirstErrorCode);
        Assert.Equal("close 4403", await InitAsync(token));
    }

    private async Task<GraphQLResponse> MeAsync(string token)
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.PostGraphQLAsync("{ me { id } }");
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

    private string Token(params Claim[] claims)
    {
        var now = DateTime.UtcNow;
        var oid = Guid.NewGuid().ToString();
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(api.Key, SecurityAlgorithms.RsaSha256),
            Subject = new ClaimsIdentity([new Claim("oid", oid), new Claim("tid", TenantId), new Claim("sub", oid), new Claim("name", "Entra user"), .. claims]),
        });
    }
}
