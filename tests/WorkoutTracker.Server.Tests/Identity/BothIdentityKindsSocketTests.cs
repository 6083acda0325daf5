using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using WorkoutTracker.Server.Identity;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.WebSockets;

namespace WorkoutTracker.Server.Tests.Identity;

/// <summary>
/// With Entra ID and local accounts both on, a socket lives as long as its token would be accepted over HTTP: the
/// token's expiry plus the clock skew of the scheme that validated it (30 s for the server's own issuer, Entra ID's
/// own for its tokens), whether the token came in <c>connection_init</c> or on the upgrade request (as the BFF sends it).
/// </summary>
public sealed class BothIdentityKindsSocketTests(BothIdentityKindsSocketTests.BothHost api) : IClassFixture<BothIdentityKindsSocketTests.BothHost>
{
    public sealed class BothHost : EntraIdTokenTests.Host
    {
        public override Task InitializeAsync()
        {
            With("Identity:LocalAccounts:Enabled", "true");
            return base.InitializeAsync();
        }
    }

    private TimeSpan SkewOf(string scheme) =>
        api.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(scheme).TokenValidationParameters.ClockSkew;

    [Fact]
    public async Task A_local_token_in_connection_init_expires_with_the_local_schemes_skew_not_Entra_IDs()
    {
        var token = await LocalTokenAsync();
        Assert.NotEqual(SkewOf(JwtBearerDefaults.AuthenticationScheme), SkewOf(IdentityExtensions.LocalScheme));

        using var socket = await GraphQLWsTestClient.ConnectAsync(api.WebSocketUri);
        await socket.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + token } });
        var ack = await socket.ReceiveAsync();

        Assert.Equal(ExpiryOf(token) + SkewOf(IdentityExtensions.LocalScheme), ExpiresAt(ack));
    }

    [Fact]
    public async Task A_local_token_on_the_upgrade_request_expires_with_the_local_schemes_skew()
    {
        var token = await LocalTokenAsync();

        using var socket = await GraphQLWsTestClient.ConnectAsync(api.WebSocketUri, authorization: "Bearer " + token);
        await socket.SendAsync(new { type = "connection_init" });
        var ack = await socket.ReceiveAsync();

        Assert.Equal(ExpiryOf(token) + SkewOf(IdentityExtensions.LocalScheme), ExpiresAt(ack));
    }

    [Fact]
    public async Task An_Entra_ID_token_expires_with_Entra_IDs_skew()
    {
        var token = api.EntraId.AccessToken(FakeEntraIdUser());

        using var socket = await GraphQLWsTestClient.ConnectAsync(api.WebSocketUri);
        await socket.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + token } });
        var ack = await socket.ReceiveAsync();

        Assert.Equal(ExpiryOf(token) + SkewOf(JwtBearerDefaults.AuthenticationScheme), ExpiresAt(ack));
    }

    private async Task<string> LocalTokenAsync()
    {
        var user = await api.CreateUserAsync(UserRole.Athlete);
        return await api.GetTokenAsync(user.Email, user.Password);
    }

    private static DateTimeOffset ExpiryOf(string token) => new(new JsonWebToken(token).ValidTo, TimeSpan.Zero);

    private static DateTimeOffset ExpiresAt(JsonNode ack)
    {
        Assert.Equal("connection_ack", ack["type"]!.GetValue<string>());
        return DateTimeOffset.Parse(ack["payload"]!["expiresAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);
    }

    private static Infrastructure.FakeEntraId.FakeUser FakeEntraIdUser() => new(Guid.NewGuid().ToString(), "Ada Entra", []);
}
