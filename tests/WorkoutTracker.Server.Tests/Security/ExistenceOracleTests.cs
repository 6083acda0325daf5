using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;

namespace WorkoutTracker.Server.Tests.Security;

/// <summary>
/// Answers that must not tell whether something exists: someone else's session reads as an unknown one,
/// and a coach-link request to an unknown email, or to an account of the wrong role, looks like any other.
/// </summary>
public sealed class ExistenceOracleTests(KestrelWorkoutApiFactory api) : IClassFixture<KestrelWorkoutApiFactory>
{
    private const string SessionQuery = "query($id: ID!) { session(id: $id) { id } }";

    private const string RequestLink = """
        mutation($input: RequestCoachLinkInput!) {
          requestCoachLink(input: $input) { replayed link { status requestedBy inviteeEmail coach { id } athlete { id } acceptedAt endedAt } }
        }
        """;

    [Fact]
    public async Task Someone_elses_session_answers_exactly_as_a_session_that_does_not_exist()
    {
        using var owner = await api.CreateClientForAsync(await api.CreateUserAsync(UserRole.Athlete));
        using var otherAthlete = await api.CreateClientForAsync(await api.CreateUserAsync(UserRole.Athlete));
        using var unlinkedCoach = await api.CreateClientForAsync(await api.CreateUserAsync(UserRole.Coach));
        var sessionId = await owner.StartSessionAsync();
        var unknownId = Guid.NewGuid().ToString();

        foreach (var reader in new[] { otherAthlete, unlinkedCoach })
        {
            var someoneElses = await reader.PostGraphQLAsync(SessionQuery, new { id = sessionId });
            var unknown = await reader.PostGraphQLAsync(SessionQuery, new { id = unknownId });

            Assert.Equal(unknown.Status, someoneElses.Status);
            Assert.Equal(unknown.Body!.ToJsonString(), someoneElses.Body!.ToJsonString());
            Assert.Equal("""{"data":{"session":null}}""", someoneElses.Body!.ToJsonString());
        }

        Assert.Equal(sessionId, (await owner.PostGraphQLAsync(SessionQuery, new { id = sessionId })).Data!["session"]!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(UserRole.Athlete)]
    [InlineData(UserRole.Coach)]
    public async Task A_link_request_answers_the_same_for_an_unknown_email_a_wrong_role_and_a_real_counterpart(UserRole requesterRole)
    {
        var requester = await api.CreateUserAsync(requesterRole);
        var counterpart = await api.CreateUserAsync(requesterRole == UserRole.Athlete ? UserRole.Coach : UserRole.Athlete);
        var sameRole = await api.CreateUserAsync(requesterRole);
        using var client = await api.CreateClientForAsync(requester);

        var answers = new List<string>();
        foreach (var email in new[] { counterpart.Email, sameRole.Email, $"{Guid.NewGuid():N}@nobody.workouttracker.dev" })
        {
            var response = await client.PostGraphQLAsync(RequestLink, new { input = new { clientMutationId = Guid.NewGuid().ToString(), email } });
            Assert.Null(response.Errors);
            var link = response.Payload("requestCoachLink")["link"]!.AsObject();
            Assert.Equal(email, link["inviteeEmail"]!.GetValue<string>());
            link["inviteeEmail"] = "(the email asked)";
            answers.Add($"{(int)response.Status} {response.Body!.ToJsonString()}");
        }

        Assert.Single(answers.Distinct());
        Assert.Contains("\"status\":\"PENDING\"", answers[0], StringComparison.Ordinal);
        var listed = (await client.PostGraphQLAsync("{ coachLinks { status coach { id } athlete { id } } }")).Payload("coachLinks").AsArray();
        Assert.Equal(3, listed.Count);
        Assert.Single(listed.Select(l => l!.ToJsonString()).Distinct());
    }

    [Fact]
    public async Task Asking_twice_for_the_same_email_is_refused_alike_whether_or_not_it_has_an_account()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        var coach = await api.CreateUserAsync(UserRole.Coach);
        using var client = await api.CreateClientForAsync(athlete);
        var codes = new List<string?>();

        foreach (var email in new[] { coach.Email, $"{Guid.NewGuid():N}@nobody.workouttracker.dev" })
        {
            await client.PostGraphQLAsync(RequestLink, new { input = new { clientMutationId = Guid.NewGuid().ToString(), email } });
            var again = await client.PostGraphQLAsync(RequestLink, new { input = new { clientMutationId = Guid.NewGuid().ToString(), email } });
            codes.Add(again.FirstErrorCode);
        }

        Assert.Equal(["COACH_LINK_STATE", "COACH_LINK_STATE"], codes);
    }
}
