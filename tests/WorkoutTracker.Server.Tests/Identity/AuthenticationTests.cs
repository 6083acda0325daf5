using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Identity;

public sealed class AuthenticationTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    [Fact]
    public async Task Query_without_a_token_is_401_with_an_unauthenticated_error()
    {
        using var client = api.CreateClient();
        var response = await client.PostGraphQLAsync("{ me { id } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.FirstErrorCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task Query_hiding_a_field_in_a_fragment_still_needs_a_token()
    {
        using var client = api.CreateClient();
        var response = await client.PostGraphQLAsync("{ __typename ...F } fragment F on Query { exercises { id } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    [Theory]
    [InlineData("{ __typename }")]
    [InlineData("{ __schema { queryType { name } } }")]
    [InlineData("query { __type(name: \"Exercise\") { fields { name } } }")]
    public async Task Introspection_needs_no_token(string query)
    {
        using var client = api.CreateClient();
        var response = await client.PostGraphQLAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Errors);
    }

    [Fact]
    public async Task Token_with_a_forged_signature_is_rejected()
    {
        var token = await api.GetTokenAsync(DemoUsers.Athlete.Email, DemoUsers.Athlete.Password);
        var parts = token.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{new string('A', parts[2].Length)}";
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        var response = await client.PostGraphQLAsync("{ me { id } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.FirstErrorCode);
    }

    [Fact]
    public async Task Athlete_token_resolves_me_to_the_seeded_athlete()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var response = await client.PostGraphQLAsync("{ me { id displayName role } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var me = response.Data!["me"]!;
        Assert.Equal(DemoUsers.Athlete.Id.ToString(), me["id"]!.GetValue<string>());
        Assert.Equal("Alex Athlete", me["displayName"]!.GetValue<string>());
        Assert.Equal("ATHLETE", me["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Coach_token_resolves_me_to_the_seeded_coach()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Coach);
        var response = await client.PostGraphQLAsync("{ me { id role } }");

        Assert.Equal(DemoUsers.Coach.Id.ToString(), response.Data!["me"]!["id"]!.GetValue<string>());
        Assert.Equal("COACH", response.Data!["me"]!["role"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("athlete@demo.workouttracker.dev", "wrong-password")]
    [InlineData("nobody@demo.workouttracker.dev", "athlete-demo")]
    public async Task Development_token_endpoint_refuses_bad_credentials(string email, string password)
    {
        using var client = api.CreateClient();
        using var response = await client.PostAsJsonAsync("/dev/token", new { email, password });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Development_token_endpoint_answers_malformed_json_with_400()
    {
        using var client = api.CreateClient();
        using var response = await client.PostAsync("/dev/token", new StringContent("{email:", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Refresh_token_is_single_use_and_gives_a_working_access_token()
    {
        using var client = api.CreateClient();
        using var signIn = await client.PostAsJsonAsync("/dev/token", new { email = DemoUsers.Athlete.Email, password = DemoUsers.Athlete.Password });
        var first = await signIn.Content.ReadFromJsonAsync<TokenResponse>();

        using var refreshed = await client.PostAsJsonAsync("/dev/token", new { refreshToken = first!.RefreshToken });
        var second = await refreshed.Content.ReadFromJsonAsync<TokenResponse>();
        using var reused = await client.PostAsJsonAsync("/dev/token", new { refreshToken = first.RefreshToken });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", second!.AccessToken);
        var me = await client.PostGraphQLAsync("{ me { id } }");

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Equal(DemoUsers.Athlete.Id.ToString(), me.Data!["me"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_revoked_refresh_token_can_no_longer_be_redeemed()
    {
        using var client = api.CreateClient();
        using var signIn = await client.PostAsJsonAsync("/dev/token", new { email = DemoUsers.Athlete.Email, password = DemoUsers.Athlete.Password });
        var tokens = await signIn.Content.ReadFromJsonAsync<TokenResponse>();

        using var revoke = await client.PostAsync("/dev/revoke", new FormUrlEncodedContent([new("token", tokens!.RefreshToken), new("token_type_hint", "refresh_token")]));
        using var redeem = await client.PostAsJsonAsync("/dev/token", new { refreshToken = tokens.RefreshToken });

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, redeem.StatusCode);
    }

    [Fact]
    public async Task Revocation_answers_200_for_an_unknown_token_and_400_invalid_request_without_one()
    {
        using var client = api.CreateClient();

        using var unknown = await client.PostAsync("/dev/revoke", new FormUrlEncodedContent([new("token", "not-a-token-we-issued")]));
        using var missing = await client.PostAsync("/dev/revoke", new FormUrlEncodedContent([new("token_type_hint", "refresh_token")]));
        var error = await missing.Content.ReadFromJsonAsync<Dictionary<string, string>>();

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode); // RFC 7009 §2.2: an invalid token is no error
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("invalid_request", error!["error"]);
    }

    private sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn);
}
