using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WorkoutTracker.Bff.Tests.Infrastructure;

namespace WorkoutTracker.Bff.Tests.Session;

/// <summary>
/// Local accounts through the BFF: sign-up starts a cookie session at once (no token reaches the client), the
/// server's field errors pass through, a password change keeps the session going on the new refresh token, and
/// deleting the account ends the session.
/// </summary>
public sealed class LocalAccountSessionTests(BffSystem system) : IClassFixture<BffSystem>
{
    private const string Password = "granite lantern orbit 42";

    private static string NewEmail() => $"bff-{Guid.NewGuid():N}@example.org";

    [Fact]
    public async Task Sign_up_starts_a_session_whose_graphql_calls_run_as_the_new_user()
    {
        using var client = system.Bff.CreateBffClient();

        using var response = await client.SignUpAsync(NewEmail(), "Nova Newcomer", Password, "coach");
        var me = await client.QueryAsync("{ me { displayName role } }");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("eyJ", body, StringComparison.Ordinal);
        Assert.Equal("coach", JsonNode.Parse(body)!["role"]!.GetValue<string>());
        Assert.Equal("Nova Newcomer", me.Data!["me"]!["displayName"]!.GetValue<string>());
        Assert.Equal("COACH", me.Data!["me"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sign_up_refusals_pass_through_with_their_field_codes_and_set_no_cookie()
    {
        using var client = system.Bff.CreateBffClient();

        using var response = await client.SignUpAsync("not-an-email", "Nova", "short");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("VALIDATION", problem["code"]!.GetValue<string>());
        Assert.Equal(
            ["email:INVALID_EMAIL", "password:PASSWORD_TOO_SHORT"],
            problem["errors"]!.AsArray().Select(e => $"{e!["field"]}:{e["code"]}").Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task After_a_password_change_the_session_goes_on_and_only_the_new_password_signs_in()
    {
        var email = NewEmail();
        using var client = system.Bff.CreateBffClient();
        await client.SignUpAsync(email, "Pat", Password);
        const string newPassword = "velvet thunder spoon 7";

        using var wrong = await client.SendAsync(HttpMethod.Post, "/bff/password", JsonContent.Create(new { currentPassword = "nope nope nope", newPassword }));
        using var changed = await client.SendAsync(HttpMethod.Post, "/bff/password", JsonContent.Create(new { currentPassword = Password, newPassword }));
        var me = await client.PersistedAsync("Me");

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("WRONG_PASSWORD", JsonNode.Parse(await wrong.Content.ReadAsStringAsync())!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal("Pat", me.Data!["me"]!["displayName"]!.GetValue<string>());
        using var other = system.Bff.CreateBffClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.LoginAsync(email, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.LoginAsync(email, newPassword)).StatusCode);
    }

    [Fact]
    public async Task Deleting_the_account_ends_the_session_and_the_account_can_no_longer_sign_in()
    {
        var email = NewEmail();
        using var client = system.Bff.CreateBffClient();
        await client.SignUpAsync(email, "Del", Password);

        using var deleted = await client.SendAsync(HttpMethod.Post, "/bff/account/delete", JsonContent.Create(new { password = Password }));
        using var user = await client.SendAsync(HttpMethod.Get, "/bff/user");
        using var again = system.Bff.CreateBffClient();

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, user.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.LoginAsync(email, Password)).StatusCode);
    }
}
