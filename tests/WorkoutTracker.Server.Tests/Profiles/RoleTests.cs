using System.Net;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Profiles;

/// <summary>
/// A role is chosen once (at sign-up, or from Entra ID's app roles at the first sign-in) and is not a setting: an
/// athlete's account holds their training, a coach's the athletes they follow, and a link joins one of each, so
/// changing it would leave training without an athlete or links with two coaches. The API offers no way to change it.
/// </summary>
public sealed class RoleTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    private const string Update = "mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { profile { planVersion } } }";

    [Fact]
    public async Task UpdateProfile_has_no_role_to_change_and_the_role_stays()
    {
        using var client = await api.CreateClientForAsync(await api.CreateUserAsync(UserRole.Athlete));

        var response = await client.PostGraphQLAsync(Update, new { i = new { clientMutationId = Guid.NewGuid().ToString(), role = "COACH" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("role", response.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ATHLETE", (await client.PostGraphQLAsync("{ me { role } }")).Data!["me"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_coach_cannot_give_themself_a_training_profile()
    {
        using var client = await api.CreateClientForAsync(await api.CreateUserAsync(UserRole.Coach));

        var response = await client.PostGraphQLAsync(Update, new { i = new { clientMutationId = Guid.NewGuid().ToString(), goal = "STRENGTH" } });

        Assert.Equal("FORBIDDEN", response.FirstErrorCode);
        Assert.Equal("COACH", (await client.PostGraphQLAsync("{ me { role } }")).Data!["me"]!["role"]!.GetValue<string>());
    }
}
