using System.Net;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;

namespace WorkoutTracker.Server.Tests.Coaching;

/// <summary>The coach's athlete list over GET: an ETag that moves with every set change of any athlete followed.</summary>
public sealed class AthletesEntityTagTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    [Fact]
    public async Task Athlete_list_is_304_until_a_followed_athlete_logs_a_set_then_200_with_a_new_etag()
    {
        var coach = await api.CreateUserAsync(UserRole.Coach);
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var coachClient = await api.CreateClientForAsync(coach);
        using var athleteClient = await api.CreateClientForAsync(athlete);
        var linkId = (await athleteClient.PostGraphQLAsync(
            "mutation($i: RequestCoachLinkInput!) { requestCoachLink(input: $i) { link { id } } }",
            new { i = new { clientMutationId = Guid.NewGuid().ToString(), email = coach.Email } })).Payload("requestCoachLink")["link"]!["id"]!.GetValue<string>();
        await coachClient.PostGraphQLAsync(
            "mutation($i: CoachLinkInput!) { acceptCoachLink(input: $i) { link { id } } }",
            new { i = new { clientMutationId = Guid.NewGuid().ToString(), linkId } });
        var sessionId = await athleteClient.StartSessionAsync();

        var first = await coachClient.GetPersistedAsync("Athletes");
        var etag = first.Headers.ETag!.ToString();
        var unchanged = await coachClient.GetPersistedAsync("Athletes", ifNoneMatch: etag);
        await athleteClient.LogSetAsync(sessionId);
        var changed = await coachClient.GetPersistedAsync("Athletes", ifNoneMatch: etag);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.Status);
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.NotEqual(etag, changed.Headers.ETag!.ToString());
        Assert.True(changed.Data!["athletes"]![0]!["bodyMap"]!["version"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task The_304_path_reads_one_statement_once_the_caller_is_known()
    {
        using var coach = await api.CreateClientForAsync(DemoUsers.Coach);
        var etag = (await coach.GetPersistedAsync("Athletes")).Headers.ETag!.ToString();

        using var sql = new SqlStatementCounter(api.ConnectionString);
        var response = await coach.GetPersistedAsync("Athletes", ifNoneMatch: etag);

        Assert.Equal(HttpStatusCode.NotModified, response.Status);
        Assert.True(sql.Count == 1, string.Join("\n", sql.Statements));
        Assert.DoesNotContain(sql.Statements, s => s.Contains("body_map_muscles", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Athletes_do_not_get_an_etag_for_a_field_they_may_not_read()
    {
        using var athlete = await api.CreateClientForAsync(DemoUsers.Athlete);

        var response = await athlete.GetPersistedAsync("Athletes");

        Assert.Equal("FORBIDDEN", response.FirstErrorCode);
        Assert.Null(response.Headers.ETag);
    }
}
