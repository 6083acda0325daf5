using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.GraphQL.Http;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Plans;

/// <summary>
/// "200 from bytes": the serialized answer of a persisted GET whose ETag is known is kept and written again
/// while the tag holds; never for another caller, never after the tag changed.
/// </summary>
public sealed class CachedAnswerTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    private const string UpdateProfile = "mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { profile { daysPerWeek } } }";

    [Fact]
    public async Task The_second_200_is_the_kept_answer_and_runs_no_sql_statement()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var first = await client.GetPersistedAsync("WeeklyPlan");

        using var sql = new SqlStatementCounter(api.ConnectionString);
        var second = await client.GetPersistedAsync("WeeklyPlan");

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(first.Headers.ETag!.ToString(), second.Headers.ETag!.ToString());
        Assert.Equal(first.Body!.ToJsonString(), second.Body!.ToJsonString());
        Assert.True(second.Headers.CacheControl is { Private: true, NoCache: true });
        Assert.True(sql.Count == 0, string.Join("\n", sql.Statements));
    }

    [Fact]
    public async Task Another_athlete_never_gets_the_kept_answer_of_the_first()
    {
        var first = await api.CreateUserAsync(UserRole.Athlete);
        var second = await api.CreateUserAsync(UserRole.Athlete);
        using var firstClient = await api.CreateClientForAsync(first);
        using var secondClient = await api.CreateClientForAsync(second);
        await firstClient.GetPersistedAsync("WeeklyPlan");
        await firstClient.GetPersistedAsync("WeeklyPlan");

        var seconds = await secondClient.GetPersistedAsync("WeeklyPlan");
        var secondsAgain = await secondClient.GetPersistedAsync("WeeklyPlan");

        Assert.Equal(second.Id.ToString(), seconds.Data!["weeklyPlan"]!["athleteId"]!.GetValue<string>());
        Assert.Equal(second.Id.ToString(), secondsAgain.Data!["weeklyPlan"]!["athleteId"]!.GetValue<string>());
    }

    [Fact]
    public async Task After_the_etag_changes_the_kept_answer_is_not_served()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var before = await client.GetPersistedAsync("WeeklyPlan");
        await client.GetPersistedAsync("WeeklyPlan");

        await client.PostGraphQLAsync(UpdateProfile, new { input = new { clientMutationId = Guid.NewGuid().ToString(), daysPerWeek = 5 } });
        var after = await client.GetPersistedAsync("WeeklyPlan");
        var afterAgain = await client.GetPersistedAsync("WeeklyPlan");

        Assert.Equal(3, before.Data!["weeklyPlan"]!["days"]!.AsArray().Count);
        Assert.NotEqual(before.Headers.ETag!.ToString(), after.Headers.ETag!.ToString());
        Assert.Equal(5, after.Data!["weeklyPlan"]!["days"]!.AsArray().Count);
        Assert.Equal(after.Body!.ToJsonString(), afterAgain.Body!.ToJsonString());
    }

    [Fact]
    public async Task A_coach_and_the_athlete_keep_answers_apart_and_the_coach_loses_it_with_the_link()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        var coach = await api.CreateUserAsync(UserRole.Coach);
        using var athleteClient = await api.CreateClientForAsync(athlete);
        using var coachClient = await api.CreateClientForAsync(coach);
        var cache = api.Services.GetRequiredService<CachedResponses>();
        var linkId = (await athleteClient.PostGraphQLAsync(
                "mutation($input: RequestCoachLinkInput!) { requestCoachLink(input: $input) { link { id } } }",
                new { input = new { clientMutationId = Guid.NewGuid().ToString(), email = coach.Email } }))
            .Body!["data"]!["requestCoachLink"]!["link"]!["id"]!.GetValue<string>();
        await coachClient.PostGraphQLAsync("mutation($input: CoachLinkInput!) { acceptCoachLink(input: $input) { link { id } } }",
            new { input = new { clientMutationId = Guid.NewGuid().ToString(), linkId } });
        var kept = cache.Count;
        var coachs = await coachClient.GetPersistedAsync("WeeklyPlan", new { athleteId = athlete.Id });
        var coachsAgain = await coachClient.GetPersistedAsync("WeeklyPlan", new { athleteId = athlete.Id });

        await athleteClient.PostGraphQLAsync("mutation($input: CoachLinkInput!) { endCoachLink(input: $input) { link { id } } }",
            new { input = new { clientMutationId = Guid.NewGuid().ToString(), linkId } });
        var afterEnd = await coachClient.GetPersistedAsync("WeeklyPlan", new { athleteId = athlete.Id });

        Assert.Equal(HttpStatusCode.OK, coachsAgain.Status);
        Assert.Equal(coachs.Body!.ToJsonString(), coachsAgain.Body!.ToJsonString());
        Assert.Equal(kept + 1, cache.Count);
        Assert.Equal("FORBIDDEN", afterEnd.FirstErrorCode);
        Assert.Null(afterEnd.Headers.ETag);
    }
}
