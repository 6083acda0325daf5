using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;

namespace WorkoutTracker.Server.Tests.Progression;

public sealed class PersonalRecordTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    private const string LogWithRecords = """
        mutation($input: LogSetInput!) { logSet(input: $input) { newRecords set { id } } }
        """;

    [Fact]
    public async Task Personal_records_name_the_sets_that_hold_them_and_logSet_reports_what_it_broke()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var sessionId = await client.StartSessionAsync();

        async Task<List<string>> Log(decimal load, int reps, decimal? rpe) =>
            (await client.PostGraphQLAsync(LogWithRecords, new { input = new { clientMutationId = Guid.NewGuid().ToString(), sessionId, exerciseId = "barbell-bench-press", loadKg = load, reps, rpe } }))
                .Payload("logSet")["newRecords"]!.AsArray().Select(k => k!.GetValue<string>()).ToList();

        var first = await Log(100m, 5, null);
        var heavier = await Log(105m, 3, null);
        var moreReps = await Log(100m, 7, null);
        var nothing = await Log(90m, 4, null);

        Assert.Equal(["HEAVIEST_LOAD", "MOST_REPS_AT_LOAD", "BEST_E1RM"], first);
        Assert.Equal(["HEAVIEST_LOAD", "MOST_REPS_AT_LOAD"], heavier); // first set at 105 kg or more; e1RM 115.5 < 116.67
        Assert.Equal(["MOST_REPS_AT_LOAD", "BEST_E1RM"], moreReps);
        Assert.Empty(nothing);

        var records = (await client.PostGraphQLAsync("{ personalRecords(exerciseId: \"barbell-bench-press\") { kind loadKg reps e1rmKg } }"))
            .Payload("personalRecords").AsArray().ToDictionary(r => r!["kind"]!.GetValue<string>(), r => r!);
        Assert.Equal(105, records["HEAVIEST_LOAD"]["loadKg"]!.GetValue<double>());
        Assert.Equal(7, records["MOST_REPS_AT_LOAD"]["reps"]!.GetValue<int>());
        Assert.Equal(123.33, records["BEST_E1RM"]["e1rmKg"]!.GetValue<double>(), 2);
    }

    [Fact]
    public async Task E1rm_history_gives_the_best_of_each_day()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var sessionId = await client.StartSessionAsync();
        var day1 = DateTimeOffset.UtcNow.AddDays(-3);
        foreach (var (load, reps, when) in new[] { (100m, 5, day1), (102.5m, 5, day1.AddMinutes(5)), (105m, 5, DateTimeOffset.UtcNow) })
        {
            await client.PostGraphQLAsync(SessionApi.LogSet, new { input = new { clientMutationId = Guid.NewGuid().ToString(), sessionId, exerciseId = "barbell-back-squat", loadKg = load, reps, performedAt = when } });
        }

        var points = (await client.PostGraphQLAsync("{ e1rmHistory(exerciseId: \"barbell-back-squat\") { date e1rmKg loadKg } }")).Payload("e1rmHistory").AsArray();

        Assert.Equal(2, points.Count);
        Assert.Equal(102.5, points[0]!["loadKg"]!.GetValue<double>());
        Assert.Equal(105, points[1]!["loadKg"]!.GetValue<double>());
        Assert.True(points[1]!["e1rmKg"]!.GetValue<double>() > points[0]!["e1rmKg"]!.GetValue<double>());
    }
}
