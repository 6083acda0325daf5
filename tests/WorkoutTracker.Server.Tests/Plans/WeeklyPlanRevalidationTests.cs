using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;

namespace WorkoutTracker.Server.Tests.Plans;

/// <summary>
/// A revalidation (GET with <c>If-None-Match</c>) answered from memory: the caller, the coach's link and the
/// versions behind the ETag are known on each instance, and forgotten when the event log (or a local commit)
/// says the athlete changed. Two instances on one database show a change made through the other one.
/// </summary>
public sealed class WeeklyPlanRevalidationTests(WeeklyPlanRevalidationTests.TwoInstances servers) : IClassFixture<WeeklyPlanRevalidationTests.TwoInstances>
{
    public sealed class TwoInstances : IAsyncLifetime
    {
        public WorkoutApiFactory A { get; } = new();

        public WorkoutApiFactory B { get; } = new();

        public async Task InitializeAsync()
        {
            await ((IAsyncLifetime)A).InitializeAsync();
            await ((IAsyncLifetime)B.SharingDatabaseOf(A)).InitializeAsync();
        }

        public async Task DisposeAsync()
        {
            await ((IAsyncLifetime)B).DisposeAsync();
            await ((IAsyncLifetime)A).DisposeAsync();
        }
    }

    private const string UpdateProfile = "mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { profile { daysPerWeek } } }";
    private const string RequestLink = "mutation($input: RequestCoachLinkInput!) { requestCoachLink(input: $input) { link { id } } }";
    private const string AcceptLink = "mutation($input: CoachLinkInput!) { acceptCoachLink(input: $input) { link { id } } }";
    private const string EndLink = "mutation($input: CoachLinkInput!) { endCoachLink(input: $input) { link { id } } }";

    [Fact]
    public async Task A_warm_revalidation_runs_no_sql_statement_and_a_cold_one_reads_only_the_profiles_versions()
    {
        var athlete = await servers.A.CreateUserAsync(UserRole.Athlete);
        using var client = await servers.A.CreateClientForAsync(athlete);
        var etag = (await client.GetPersistedAsync("WeeklyPlan")).Headers.ETag!.ToString();
        servers.A.Services.GetRequiredService<AthleteVersionCache>().Forget(athlete.Id);

        using var sql = new SqlStatementCounter(servers.A.ConnectionString);
        var cold = await client.GetPersistedAsync("WeeklyPlan", ifNoneMatch: etag);
        var coldStatements = sql.Statements;
        sql.Reset();
        var warm = await client.GetPersistedAsync("WeeklyPlan", ifNoneMatch: etag);

        Assert.Equal(HttpStatusCode.NotModified, cold.Status);
        Assert.Equal(HttpStatusCode.NotModified, warm.Status);
        Assert.True(coldStatements.Count == 1 && coldStatements[0].Contains("athlete_profiles", StringComparison.Ordinal), string.Join("\n", coldStatements));
        Assert.True(sql.Count == 0, string.Join("\n", sql.Statements));
    }

    [Fact]
    public async Task A_profile_change_through_the_other_instance_changes_the_etag_once_the_event_log_delivers_it()
    {
        var athlete = await servers.A.CreateUserAsync(UserRole.Athlete);
        using var onA = await servers.A.CreateClientForAsync(athlete);
        using var onB = await servers.B.CreateClientForAsync(athlete);
        var etag = (await onB.GetPersistedAsync("WeeklyPlan")).Headers.ETag!.ToString();
        var warm = await onB.GetPersistedAsync("WeeklyPlan", ifNoneMatch: etag);

        var updated = await onA.PostGraphQLAsync(UpdateProfile, new { input = new { clientMutationId = Guid.NewGuid().ToString(), daysPerWeek = 5 } });
        await WaitUntilBHasReadWhatAWroteAsync();
        var after = await onB.GetPersistedAsync("WeeklyPlan", ifNoneMatch: etag);

        Assert.Equal(HttpStatusCode.NotModified, warm.Status);
        Assert.Null(updated.Errors);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.NotEqual(etag, after.Headers.ETag!.ToString());
        Assert.Equal(5, after.Data!["weeklyPlan"]!["days"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_change_on_this_instance_is_seen_by_the_next_request_without_waiting_for_the_log()
    {
        var athlete = await servers.A.CreateUserAsync(UserRole.Athlete);
        using var client = await servers.A.CreateClientForAsync(athlete);
        var etag = (await client.GetPersistedAsync("WeeklyPlan")).Headers.ETag!.ToString();
        var warm = await client.GetPersistedAsync("WeeklyPlan", ifNoneMatch: etag);

        await client.PostGraphQLAsync(UpdateProfile, new { input = new { clientMutationId = Guid.NewGuid().ToString(), daysPerWeek = 4 } });
        var after = await client.GetPersistedAsync("WeeklyPlan", ifNoneMatch: etag);

        Assert.Equal(HttpStatusCode.NotModified, warm.Status);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.NotEqual(etag, after.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Two_athletes_on_one_instance_never_get_each_others_etag()
    {
        var first = await servers.A.CreateUserAsync(UserRole.Athlete);
        var second = await servers.A.CreateUserAsync(UserRole.Athlete);
        using var firstClient = await servers.A.CreateClientForAsync(first);
        using var secondClient = await servers.A.CreateClientForAsync(second);
        var firstTag = (await firstClient.GetPersistedAsync("WeeklyPlan")).Headers.ETag!.ToString();
        var secondTag = (await secondClient.GetPersistedAsync("WeeklyPlan")).Headers.ETag!.ToString();

        var crossed = await secondClient.GetPersistedAsync("WeeklyPlan", ifNoneMatch: firstTag);

        Assert.NotEqual(firstTag, secondTag);
        Assert.Equal(HttpStatusCode.OK, crossed.Status);
        Assert.Equal(second.Id.ToString(), crossed.Data!["weeklyPlan"]!["athleteId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_coach_whose_link_ended_on_the_other_instance_gets_no_etag_once_the_log_delivers_it()
    {
        var athlete = await servers.A.CreateUserAsync(UserRole.Athlete);
        var coach = await servers.A.CreateUserAsync(UserRole.Coach);
        using var athleteOnA = await servers.A.CreateClientForAsync(athlete);
        using var coachOnA = await servers.A.CreateClientForAsync(coach);
        using var coachOnB = await servers.B.CreateClientForAsync(coach);
        var linkId = (await athleteOnA.PostGraphQLAsync(RequestLink, new { input = new { clientMutationId = Guid.NewGuid().ToString(), email = coach.Email } }))
            .Payload("requestCoachLink")["link"]!["id"]!.GetValue<string>();
        await coachOnA.PostGraphQLAsync(AcceptLink, new { input = new { clientMutationId = Guid.NewGuid().ToString(), linkId } });
        var linked = await coachOnB.GetPersistedAsync("WeeklyPlan", new { athleteId = athlete.Id });
        var etag = linked.Headers.ETag!.ToString();
        var warm = await coachOnB.GetPersistedAsync("WeeklyPlan", new { athleteId = athlete.Id }, ifNoneMatch: etag);

        await athleteOnA.PostGraphQLAsync(EndLink, new { input = new { clientMutationId = Guid.NewGuid().ToString(), linkId } });
        await WaitUntilBHasReadWhatAWroteAsync();
        var after = await coachOnB.GetPersistedAsync("WeeklyPlan", new { athleteId = athlete.Id }, ifNoneMatch: etag);

        Assert.Equal(HttpStatusCode.NotModified, warm.Status);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal("FORBIDDEN", after.FirstErrorCode);
        Assert.Null(after.Headers.ETag);
    }

    [Fact]
    public async Task A_display_name_change_is_seen_at_once_here_and_on_the_other_instance_once_the_log_delivers_it()
    {
        var athlete = await servers.A.CreateUserAsync(UserRole.Athlete);
        using var onA = await servers.A.CreateClientForAsync(athlete);
        using var onB = await servers.B.CreateClientForAsync(athlete);
        const string Me = "{ me { displayName } }";
        await onA.PostGraphQLAsync(Me);
        var before = (await onB.PostGraphQLAsync(Me)).Payload("me")["displayName"]!.GetValue<string>();

        await onA.PostGraphQLAsync(UpdateProfile,
            new { input = new { clientMutationId = Guid.NewGuid().ToString(), displayName = "Renamed Lifter" } });
        var onAAfter = (await onA.PostGraphQLAsync(Me)).Payload("me")["displayName"]!.GetValue<string>();
        await WaitUntilBHasReadWhatAWroteAsync();
        var onBAfter = (await onB.PostGraphQLAsync(Me)).Payload("me")["displayName"]!.GetValue<string>();

        Assert.Equal(athlete.DisplayName, before);
        Assert.Equal("Renamed Lifter", onAAfter);
        Assert.Equal("Renamed Lifter", onBAfter);
    }

    /// <summary>Waits (on state) until instance B's event log reader is at least where A's is after A's own commit.</summary>
    private async Task WaitUntilBHasReadWhatAWroteAsync()
    {
        var a = servers.A.Services.GetRequiredService<EventLogReader>();
        var b = servers.B.Services.GetRequiredService<EventLogReader>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var lastEvent = await LastEventAsync();
        while (a.Position < lastEvent || b.Position < lastEvent)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private async Task<EventCursor> LastEventAsync()
    {
        await using var db = await servers.A.CreateDbAsync();
        var last = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Set<EventLogRow>().OrderByDescending(e => e.TransactionId).ThenByDescending(e => e.Id));
        return new EventCursor(last.TransactionId, last.Id);
    }
}
