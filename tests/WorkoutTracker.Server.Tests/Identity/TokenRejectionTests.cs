using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.WebSockets;

namespace WorkoutTracker.Server.Tests.Identity;

/// <summary>
/// Tokens the development issuer must refuse, at both doors: 401 over HTTP, close 4403 over the WebSocket
/// (token in <c>connection_init</c> and on the upgrade request). The server runs with a key of its own, so a
/// token signed with the key published in appsettings.json is one of them.
/// </summary>
public sealed class TokenRejectionTests(TokenRejectionTests.Host api) : IClassFixture<TokenRejectionTests.Host>
{
    private const string PublishedKey = "Wzm9ZCP9aVYcbhvau1YoU15du1SewU+tioZYGXJIlZA=";

    public sealed class Host : KestrelWorkoutApiFactory
    {
        public Host()
        {
            Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            With("Identity:TokenIssuer:SigningKey", Key);
        }

        public string Key { get; }
    }

    public static TheoryData<string> Cases() =>
        ["expired", "not yet valid", "wrong issuer", "wrong audience", "alg none", "HS512", "RS256", "published key", "no signature"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Is_401_over_http(string kind)
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(kind));

        var response = await client.PostGraphQLAsync("{ me { id } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.FirstErrorCode);
        Assert.Null(response.Data);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Closes_the_websocket_4403_when_sent_in_connection_init(string kind)
    {
        using var socket = await GraphQLWsTestClient.ConnectAsync(api.WebSocketUri);

        await socket.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + Token(kind) } });

        Assert.Equal(4403, (await socket.ReceiveCloseAsync()).Code);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Closes_the_websocket_4403_when_sent_on_the_upgrade_request(string kind)
    {
        using var socket = await GraphQLWsTestClient.ConnectAsync(api.WebSocketUri, authorization: "Bearer " + Token(kind));

        await socket.SendAsync(new { type = "connection_init" });

        Assert.Equal(4403, (await socket.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task A_valid_token_passes_both_doors_so_the_refusals_are_about_the_token()
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token("valid"));
        using var socket = await GraphQLWsTestClient.ConnectAsync(api.WebSocketUri);

        var me = await client.PostGraphQLAsync("{ me { id } }");
        await socket.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + Token("valid") } });

        Assert.Equal(DemoUsers.Athlete.Id.ToString(), me.Data!["me"]!["id"]!.GetValue<string>());
        Assert.Equal("connection_ack", (await socket.ReceiveAsync())["type"]!.GetValue<string>());
    }

    private string Token(string kind)
    {
        var now = DateTime.UtcNow;
        var key = new SymmetricSecurityKey(Convert.FromBase64String(api.Key));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "workouttracker-dev",
            Audience = "workouttracker-api",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity([new Claim("sub", DemoUsers.Athlete.Id.ToString()), new Claim("role", "athlete"), new Claim("name", "Alex Athlete")]),
        };
        switch (kind)
        {
            case "valid":
                break;
            case "expired":
                (descriptor.IssuedAt, descriptor.NotBefore, descriptor.Expires) = (now.AddHours(-2), now.AddHours(-2), now.AddMinutes(-5));
                break;
            case "not yet valid":
                (descriptor.NotBefore, descriptor.Expires) = (now.AddMinutes(5), now.AddMinutes(65));
                break;
            case "wrong issuer":
                descriptor.Issuer = "someone-else";
                break;
            case "wrong audience":
                descriptor.Audience = "another-api";
                break;
            case "HS512":
                return HmacSigned(descriptor, """{"alg":"HS512","typ":"JWT"}""", Convert.FromBase64String(api.Key));
            case "RS256":
                descriptor.SigningCredentials = new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)), SecurityAlgorithms.RsaSha256);
                break;
            case "published key":
                descriptor.SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(PublishedKey)), SecurityAlgorithms.HmacSha256);
                break;
            case "alg none":
                return Unsigned(descriptor, """{"alg":"none","typ":"JWT"}""");
            case "no signature":
                return Unsigned(descriptor, """{"alg":"HS256","typ":"JWT"}""");
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>Signed with the server's own key, by hand, under another HMAC algorithm than the one it accepts.</summary>
    private static string HmacSigned(SecurityTokenDescriptor descriptor, string header, byte[] key)
    {
        var unsigned = Unsigned(descriptor, header).TrimEnd('.');
        return unsigned + "." + Base64UrlEncoder.Encode(HMACSHA512.HashData(key, Encoding.ASCII.GetBytes(unsigned)));
    }

    /// <summary>header.payload. with no signature: what an attacker sends hoping the algorithm is not enforced.</summary>
    private static string Unsigned(SecurityTokenDescriptor descriptor, string header)
    {
        descriptor.SigningCredentials = null;
        var payload = new JsonWebTokenHandler().CreateToken(descriptor).Split('.')[1];
        return $"{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(header))}.{payload}.";
    }
}
