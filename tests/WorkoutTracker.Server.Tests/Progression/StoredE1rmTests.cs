using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;

namespace WorkoutTracker.Server.Tests.Progression;

/// <summary>
/// Each set's e1RM is kept in its row by PostgreSQL (<c>set_e1rm</c>, a stored generated column) so records and
/// the trend are index reads: the SQL rule must be the C# rule, and records follow edits and deletes at once.
/// </summary>
public sealed class StoredE1rmTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    [Fact]
    public async Task The_sql_e1rm_is_the_csharp_e1rm_for_every_load_reps_and_rpe()
    {
        decimal[] loads = [0m, 2.5m, 20m, 57.5m, 100m, 101.25m, 142.5m, 225.125m, 312.375m];
        int[] reps = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 20, 30, 100];
        decimal?[] rpes = [null, 1m, 5.5m, 6m, 6.5m, 7m, 7.5m, 8m, 8.5m, 9m, 9.5m, 10m];
        var cases = (from l in loads from r in reps from p in rpes select (Load: l, Reps: r, Rpe: p)).ToList();

        await using var db = await api.CreateDbAsync();
        var sql = await db.Database.SqlQuery<decimal>($"""
            SELECT set_e1rm(c.load, c.reps, c.rpe) AS "Value"
            FROM unnest({cases.Select(c => c.Load).ToArray()}::numeric[], {cases.Select(c => c.Reps).ToArray()}::integer[], {cases.Select(c => c.Rpe).ToArray()}::numeric[])
                 WITH ORDINALITY AS c(load, reps, rpe, n)
            ORDER BY c.n
            """).ToListAsync();

        var mismatches = cases.Zip(sql).Where(x => OneRepMax.Estimate(x.First.Load, x.First.Reps, x.First.Rpe) != x.Second)
            .Select(x => $"{x.First.Load} x {x.First.Reps} @ {x.First.Rpe}: C# {OneRepMax.Estimate(x.First.Load, x.First.Reps, x.First.Rpe)}, SQL {x.Second}").ToList();
        Assert.Equal(cases.Count, sql.Count);
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task Records_follow_an_edit_and_a_delete_of_the_set_that_held_them()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var sessionId = await client.StartSessionAsync();
        await client.LogSetAsync(sessionId, exerciseId: "conventional-deadlift", loadKg: 180m, reps: 3);
        var top = (await client.LogSetAsync(sessionId, exerciseId: "conventional-deadlift", loadKg: 200m, reps: 2)).Payload("logSet")["setId"]!.GetValue<string>();
        const string Records = "{ personalRecords(exerciseId: \"conventional-deadlift\") { kind loadKg reps e1rmKg } }";

        var before = await HeaviestAsync();
        await client.PostGraphQLAsync(SessionApi.UpdateSet, new { input = new { clientMutationId = Guid.NewGuid().ToString(), setId = top, loadKg = 210, reps = 2 } });
        var edited = await HeaviestAsync();
        await client.PostGraphQLAsync(SessionApi.DeleteSet, new { input = new { clientMutationId = Guid.NewGuid().ToString(), setId = top } });
        var deleted = await HeaviestAsync();

        Assert.Equal(200, before);
        Assert.Equal(210, edited);
        Assert.Equal(180, deleted);

        async Task<double> HeaviestAsync() =>
            (await client.PostGraphQLAsync(Records)).Payload("personalRecords").AsArray()
                .Single(r => r!["kind"]!.GetValue<string>() == "HEAVIEST_LOAD")!["loadKg"]!.GetValue<double>();
    }

    [Fact]
    public async Task E1rm_history_takes_a_date_range_and_gives_one_point_per_day()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var sessionId = await client.StartSessionAsync();
        var today = DateTimeOffset.UtcNow;
        foreach (var (load, daysAgo) in new[] { (100m, 10), (105m, 10), (110m, 5), (90m, 1) })
        {
            await client.PostGraphQLAsync(SessionApi.LogSet, new { input = new { clientMutationId = Guid.NewGuid().ToString(), sessionId, exerciseId = "barbell-back-squat", loadKg = load, reps = 5, performedAt = today.AddDays(-daysAgo) } });
        }

        string Day(int daysAgo) => DateOnly.FromDateTime(today.AddDays(-daysAgo).UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var all = (await client.PostGraphQLAsync("{ e1rmHistory(exerciseId: \"barbell-back-squat\") { date loadKg } }")).Payload("e1rmHistory").AsArray();
        var range = (await client.PostGraphQLAsync($"{{ e1rmHistory(exerciseId: \"barbell-back-squat\", from: \"{Day(10)}\", to: \"{Day(5)}\") {{ date loadKg }} }}")).Payload("e1rmHistory").AsArray();
        var reversed = await client.PostGraphQLAsync($"{{ e1rmHistory(exerciseId: \"barbell-back-squat\", from: \"{Day(1)}\", to: \"{Day(5)}\") {{ date }} }}");

        Assert.Equal([Day(10), Day(5), Day(1)], all.Select(p => p!["date"]!.GetValue<string>()));
        Assert.Equal([105.0, 110.0], range.Select(p => p!["loadKg"]!.GetValue<double>()));
        Assert.Equal("VALIDATION", reversed.FirstErrorCode);
    }

    [Fact]
    public async Task The_rebuild_command_rewrites_nothing_when_current_and_tells_every_instance_through_the_log()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var sessionId = await client.StartSessionAsync();
        await client.LogSetAsync(sessionId, exerciseId: "conventional-deadlift", loadKg: 150m, reps: 5);

        var rewritten = await api.Services.GetRequiredService<RecordsRebuild>().RebuildAsync(athlete.Id, CancellationToken.None);

        await using var db = await api.CreateDbAsync();
        Assert.Equal(0, rewritten);
        Assert.True(await db.Set<WorkoutTracker.Server.Common.EventLog.EventLogRow>().AnyAsync(e => e.AthleteId == athlete.Id && e.Kind == "DerivedDataRebuilt"));
    }
}
