using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WorkoutTracker.Bff.Tests.Infrastructure;

namespace WorkoutTracker.Bff.Tests.Session;

/// <summary>Sign-in, the session cookie, the anti-forgery header and sign-out, through real HTTP.</summary>
public sealed class SessionTests(BffSystem system) : IClassFixture<BffSystem>
{
    private const string MeQuery = "{ me { id displayName role } }";

    [Fact]
    public async Task Login_sets_an_httpOnly_SameSite_Strict_session_cookie_and_no_token()
    {
        using var client = system.Bff.CreateBffClient();

        using var response = await client.LoginAsync(DemoAccounts.AthleteEmail, DemoAccounts.AthletePassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("WorkoutTracker.Session=", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", setCookie, StringComparison.OrdinalIgnoreCase);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("eyJ", body, StringComparison.Ordinal); // no JWT reaches the client
        Assert.DoesNotContain("token", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("athlete", JsonNode.Parse(body)!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_with_a_wrong_password_is_401_and_sets_no_cookie()
    {
        using var client = system.Bff.CreateBffClient();

        using var response = await client.LoginAsync(DemoAccounts.AthleteEmail, "not-the-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Graphql_without_the_csrf_header_is_refused_403_even_with_the_cookie()
    {
        using var client = await system.SignInAthleteAsync();
        var before = system.Servers[0].GraphQLAuthorizations.Count;

        var result = await client.QueryAsync(MeQuery, csrf: false);

        Assert.Equal(HttpStatusCode.Forbidden, result.Status);
        Assert.Equal(before, system.Servers[0].GraphQLAuthorizations.Count); // never reached the server
    }

    [Fact]
    public async Task Graphql_with_the_csrf_header_runs_as_the_signed_in_user_with_a_bearer_token()
    {
        using var client = await system.SignInCoachAsync();

        var result = await client.QueryAsync(MeQuery);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("Casey Coach", result.Data!["me"]!["displayName"]!.GetValue<string>());
        Assert.Equal("COACH", result.Data!["me"]!["role"]!.GetValue<string>());
        Assert.StartsWith("Bearer ey", system.Servers[0].GraphQLAuthorizations.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_sent_authorization_header_is_replaced_by_the_session_token()
    {
        using var client = await system.SignInAthleteAsync();
        using var request = new StringContent("""{"query":"{ me { displayName } }"}""", System.Text.Encoding.UTF8, "application/json");
        request.Headers.Add("X-Ignored", "1");

        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(client.Address, "/graphql")) { Content = request };
        message.Headers.Add("Cookie", client.Cookie);
        message.Headers.Add("X-CSRF", "1");
        message.Headers.Add("Authorization", "Bearer forged");
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false });
        var result = await BffClient.ReadAsync(await http.SendAsync(message));

        // The athlete's ad-hoc document is refused by the allowlist before anything is forwarded...
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);

        // ...and a persisted one runs as the session's user, not as whatever the client claimed.
        var me = await client.PersistedAsync("Me");
        Assert.Equal("Alex Athlete", me.Data!["me"]!["displayName"]!.GetValue<string>());
        Assert.DoesNotContain("Bearer forged", system.Servers[0].GraphQLAuthorizations);
    }

    [Fact]
    public async Task Graphql_without_a_session_is_401()
    {
        using var client = system.Bff.CreateBffClient();

        var result = await client.QueryAsync(MeQuery);

        Assert.Equal(HttpStatusCode.Unauthorized, result.Status);
    }

    [Fact]
    public async Task User_endpoint_returns_claims_and_session_expiry_or_401()
    {
        using var client = await system.SignInAthleteAsync();

        using var response = await client.SendAsync(HttpMethod.Get, "/bff/user");
        var user = await response.Content.ReadFromJsonAsync<JsonNode>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DemoAccounts.AthleteId, user!["sub"]!.GetValue<string>());
        Assert.Equal("Alex Athlete", user["name"]!.GetValue<string>());
        Assert.Equal("athlete", user["role"]!.GetValue<string>());
        Assert.True(user["expiresAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddHours(1));
        Assert.Contains(user["claims"]!.AsArray(), c => c!["type"]!.GetValue<string>() == "role");
        Assert.Matches("\"expiresAt\":\"[0-9T:.-]+\\+00:00\"", await response.Content.ReadAsStringAsync()); // readable: not \u002B00:00

        using var anonymous = system.Bff.CreateBffClient();
        using var refused = await anonymous.SendAsync(HttpMethod.Get, "/bff/user");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Logout_ends_the_session_so_the_old_cookie_no_longer_works()
    {
        using var client = await system.SignInAthleteAsync();
        var oldCookie = client.Cookie;
        Assert.Equal(HttpStatusCode.OK, (await client.PersistedAsync("Me")).Status);

        using var logout = await client.SendAsync(HttpMethod.Post, "/bff/logout");
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        using var replay = system.Bff.CreateBffClient(oldCookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.PersistedAsync("Me")).Status);
        using var user = await replay.SendAsync(HttpMethod.Get, "/bff/user");
        Assert.Equal(HttpStatusCode.Unauthorized, user.StatusCode);
    }

    [Fact]
    public async Task Management_endpoints_need_the_csrf_header_too()
    {
        using var client = await system.SignInAthleteAsync();

        using var user = await client.SendAsync(HttpMethod.Get, "/bff/user", csrf: false);
        using var logout = await client.SendAsync(HttpMethod.Post, "/bff/logout", csrf: false);

        Assert.Equal(HttpStatusCode.Forbidden, user.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, logout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PersistedAsync("Me")).Status); // still signed in
    }
}
