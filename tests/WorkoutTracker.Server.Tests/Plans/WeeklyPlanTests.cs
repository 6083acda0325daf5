using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;

namespace WorkoutTracker.Server.Tests.Plans;

/// <summary>weeklyPlan over GET with persisted operations: ETag from versions, 304 without building the plan.</summary>
public sealed class WeeklyPlanTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    private const string UpdateProfile = "mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { replayed profile { daysPerWeek planVersion equipment } } }";

    [Fact]
    public async Task First_get_is_200_with_etag_then_304_with_empty_body_then_200_with_new_etag_after_updateProfile()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);

        var first = await client.GetPersistedAsync("WeeklyPlan");
        var etag = first.Headers.ETag!.ToString();
        var again = await client.GetPersistedAsync("WeeklyPlan", ifNoneMatch: etag);
        var updated = await client.PostGraphQLAsync(UpdateProfile, new { input = new { clientMutationId = Guid.NewGuid().ToString(), daysPerWeek = 4 } });
        var after = await client.GetPersistedAsync("WeeklyPlan", ifNoneMatch: etag);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(3, first.Data!["weeklyPlan"]!["days"]!.AsArray().Count);
        Assert.True(first.Headers.CacheControl is { Private: true, NoCache: true }, first.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, again.Status);
        Assert.Null(again.Body);
        Assert.Null(updated.Errors);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.NotEqual(etag, after.Headers.ETag!.ToString());
        Assert.Equal(4, after.Data!["weeklyPlan"]!["days"]!.AsArray().Count);
        Assert.Equal("UPPER_LOWER", after.Data!["weeklyPlan"]!["split"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_users_etag_never_matches()
    {
        var first = await api.CreateUserAsync(UserRole.Athlete);
        var second = await api.CreateUserAsync(UserRole.Athlete);
        using var firstClient = await api.CreateClientForAsync(first);
        using var secondClient = await api.CreateClientForAsync(second);

        var etag = (await firstClient.GetPersistedAsync("WeeklyPlan")).Headers.ETag!.ToString();
        var response = await secondClient.GetPersistedAsync("WeeklyPlan", ifNoneMatch: etag);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task The_304_path_reads_the_profile_versions_and_not_the_plans_exercises()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        await client.PostGraphQLAsync(UpdateProfile, new { input = new { clientMutationId = Guid.NewGuid().ToString(), daysPerWeek = 3 } });
        var etag = (await client.GetPersistedAsync("WeeklyPlan")).Headers.ETag!.ToString();
        api.Services.GetRequiredService<AthleteVersionCache>().Forget(athlete.Id); // cold: the versions are read

        using var sql = new SqlStatementCounter(api.ConnectionString);
        var response = await client.GetPersistedAsync("WeeklyPlan", ifNoneMatch: etag);

        Assert.Equal(HttpStatusCode.NotModified, response.Status);
        Assert.Contains(sql.Statements, s => s.Contains("athlete_profiles", StringComparison.Ordinal));
        Assert.DoesNotContain(sql.Statements, s => s.Contains("exercises", StringComparison.Ordinal));
        Assert.DoesNotContain(sql.Statements, s => s.Contains("exercise_progress", StringComparison.Ordinal));
        Assert.True(sql.Count <= 2, string.Join("\n", sql.Statements));
    }

    [Fact]
    public async Task Finishing_a_session_moves_the_progression_so_the_plan_and_its_etag_change()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var before = await client.GetPersistedAsync("WeeklyPlan");
        var day = before.Data!["weeklyPlan"]!["days"]![0]!;
        var main = day["exercises"]![0]!;
        var exerciseId = main["exercise"]!["id"]!.GetValue<string>();
        var targets = main["targetSets"]!.AsArray();

        var started = await client.PostGraphQLAsync(SessionApi.StartSession, new { input = new { clientMutationId = Guid.NewGuid().ToString(), planDayNumber = 1 } });
        var sessionId = started.Payload("startSession")["session"]!["id"]!.GetValue<string>();
        foreach (var target in targets)
        {
            var logged = await client.LogSetAsync(
                sessionId, exerciseId: exerciseId, loadKg: (decimal)target!["loadKg"]!.GetValue<double>(), reps: target["repsMax"]!.GetValue<int>(), rpe: 7m);
            Assert.Null(logged.Errors);
        }

        var finished = await client.PostGraphQLAsync(SessionApi.FinishSession, new { input = new { clientMutationId = Guid.NewGuid().ToString(), sessionId } });
        var after = await client.GetPersistedAsync("WeeklyPlan", ifNoneMatch: before.Headers.ETag!.ToString());

        Assert.True(finished.Errors is null, finished.ToString());
        Assert.Equal(HttpStatusCode.OK, after.Status);
        var mainAfter = after.Data!["weeklyPlan"]!["days"]![0]!["exercises"]!.AsArray().Single(e => e!["exercise"]!["id"]!.GetValue<string>() == exerciseId)!;
        var loadBefore = targets[0]!["loadKg"]!.GetValue<double>();
        var repsBefore = targets[0]!["repsMin"]!.GetValue<int>();
        var loadAfter = mainAfter["targetSets"]![0]!["loadKg"]!.GetValue<double>();
        var repsAfter = mainAfter["targetSets"]![0]!["repsMin"]!.GetValue<int>();
        Assert.True(loadAfter > loadBefore || repsAfter > repsBefore, $"{exerciseId}: {loadBefore}x{repsBefore} -> {loadAfter}x{repsAfter}");
    }

    [Theory]
    [InlineData("daysPerWeek", 7)]
    [InlineData("daysPerWeek", 1)]
    [InlineData("sessionMinutes", 5)]
    [InlineData("sessionMinutes", 600)]
    public async Task UpdateProfile_rejects_each_out_of_range_field_by_name(string field, int value)
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var input = new Dictionary<string, object> { ["clientMutationId"] = Guid.NewGuid().ToString(), [field] = value };

        var response = await client.PostGraphQLAsync(UpdateProfile, new { input });
        var profile = await client.PostGraphQLAsync("{ profile { planVersion daysPerWeek sessionMinutes } }");

        Assert.Equal("VALIDATION", response.FirstErrorCode);
        Assert.Equal(field, response.Errors![0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal(1, profile.Data!["profile"]!["planVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task UpdateProfile_bumps_the_plan_version_and_limits_the_plan_to_the_equipment()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);

        var response = await client.PostGraphQLAsync(UpdateProfile, new
        {
            input = new { clientMutationId = Guid.NewGuid().ToString(), equipment = new[] { "DUMBBELL", "BENCH" } },
        });
        var plan = await client.PostGraphQLAsync("{ weeklyPlan { days { exercises { exercise { equipment } } } } }");

        Assert.Equal(2, response.Payload("updateProfile")["profile"]!["planVersion"]!.GetValue<int>());
        var equipment = plan.Data!["weeklyPlan"]!["days"]!.AsArray()
            .SelectMany(d => d!["exercises"]!.AsArray()).SelectMany(e => e!["exercise"]!["equipment"]!.AsArray()).Select(x => x!.GetValue<string>()).ToHashSet();
        Assert.Subset(new HashSet<string> { "DUMBBELL", "BENCH", "BODYWEIGHT" }, equipment);
    }

    [Fact]
    public async Task Coach_reads_a_linked_athletes_plan_and_a_stranger_is_forbidden()
    {
        var stranger = await api.CreateUserAsync(UserRole.Coach);
        using var coach = await api.CreateClientForAsync(DemoUsers.Coach);
        using var strangerClient = await api.CreateClientForAsync(stranger);

        var linked = await coach.GetPersistedAsync("WeeklyPlan", new { athleteId = DemoUsers.Athlete.Id });
        var forbidden = await strangerClient.GetPersistedAsync("WeeklyPlan", new { athleteId = DemoUsers.Athlete.Id });

        Assert.Null(linked.Errors);
        Assert.Equal(DemoUsers.Athlete.Id.ToString(), linked.Data!["weeklyPlan"]!["athleteId"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", forbidden.FirstErrorCode);
        Assert.Null(forbidden.Headers.ETag);
    }
}
