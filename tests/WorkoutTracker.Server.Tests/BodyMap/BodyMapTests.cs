using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;

namespace WorkoutTracker.Server.Tests.BodyMap;

public sealed class BodyMapTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    private const string BodyMapQuery = "query($athleteId: ID, $weekStart: Date) { bodyMap(athleteId: $athleteId, weekStart: $weekStart) { weekStart version muscles { muscle hardSets totalReps volumeLoadKg } } }";

    [Fact]
    public async Task A_back_squat_set_counts_1_for_primary_and_half_for_secondary_muscles()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var sessionId = await client.StartSessionAsync();

        await client.LogSetAsync(sessionId, exerciseId: "barbell-back-squat", loadKg: 100m, reps: 5, rpe: 8m);
        var map = (await client.PostGraphQLAsync(BodyMapQuery)).Payload("bodyMap");

        var muscles = map["muscles"]!.AsArray().ToDictionary(m => m!["muscle"]!.GetValue<string>(), m => m!);
        Assert.Equal(18, muscles.Count);
        Assert.Equal(1, muscles["QUADS"]["hardSets"]!.GetValue<double>());
        Assert.Equal(5, muscles["QUADS"]["totalReps"]!.GetValue<double>());
        Assert.Equal(500, muscles["QUADS"]["volumeLoadKg"]!.GetValue<double>());
        Assert.Equal(0.5, muscles["ADDUCTORS"]["hardSets"]!.GetValue<double>());
        Assert.Equal(250, muscles["ADDUCTORS"]["volumeLoadKg"]!.GetValue<double>());
        Assert.Equal(0, muscles["CHEST"]["hardSets"]!.GetValue<double>());
        Assert.Equal(1, map["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Warmups_count_nothing_and_easy_sets_are_not_hard_sets()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var sessionId = await client.StartSessionAsync();

        await client.PostGraphQLAsync(SessionApi.LogSet, new
        {
            input = new { clientMutationId = Guid.NewGuid().ToString(), sessionId, exerciseId = "barbell-bench-press", loadKg = 60, reps = 5, isWarmup = true },
        });
        await client.LogSetAsync(sessionId, exerciseId: "barbell-bench-press", loadKg: 60m, reps: 10, rpe: 5m);
        var chest = (await client.PostGraphQLAsync(BodyMapQuery)).Payload("bodyMap")["muscles"]!.AsArray().Single(m => m!["muscle"]!.GetValue<string>() == "CHEST")!;

        Assert.Equal(0, chest["hardSets"]!.GetValue<double>());
        Assert.Equal(10, chest["totalReps"]!.GetValue<double>());
        Assert.Equal(600, chest["volumeLoadKg"]!.GetValue<double>());
    }

    [Fact]
    public async Task Incremental_summary_equals_the_rebuild_after_a_random_sequence_of_log_update_delete()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var random = new Random(20261124);
        var exercises = new[] { "barbell-back-squat", "barbell-bench-press", "pull-up", "romanian-deadlift", "dumbbell-lateral-raise", "standing-calf-raise" }
            .Where(id => WorkoutTracker.Server.Exercises.ExerciseCatalog.All.Any(e => e.Id == id)).ToArray();
        var sessions = new List<string>();
        var sets = new List<string>();
        for (var step = 0; step < 120; step++)
        {
            var roll = random.Next(10);
            if (sessions.Count == 0 || roll == 0)
            {
                var started = await client.PostGraphQLAsync(SessionApi.StartSession, new
                {
                    input = new { clientMutationId = Guid.NewGuid().ToString(), startedAt = DateTimeOffset.UtcNow.AddDays(-random.Next(0, 20)) },
                });
                sessions.Add(started.Payload("startSession")["session"]!["id"]!.GetValue<string>());
            }
            else if (roll <= 5 || sets.Count == 0)
            {
                var response = await client.PostGraphQLAsync(SessionApi.LogSet, new
                {
                    input = new
                    {
                        clientMutationId = Guid.NewGuid().ToString(),
                        sessionId = sessions[random.Next(sessions.Count)],
                        exerciseId = exercises[random.Next(exercises.Length)],
                        loadKg = random.Next(0, 400) / 2m,
                        reps = random.Next(0, 15),
                        rpe = random.Next(3) == 0 ? (decimal?)null : random.Next(10, 21) / 2m,
                        isWarmup = random.Next(6) == 0,
                        performedAt = DateTimeOffset.UtcNow.AddDays(-random.Next(0, 20)).AddMinutes(-random.Next(0, 600)),
                    },
                });
                sets.Add(response.Payload("logSet")["setId"]!.GetValue<string>());
            }
            else if (roll <= 7)
            {
                var response = await client.PostGraphQLAsync(SessionApi.UpdateSet, new
                {
                    input = new
                    {
                        clientMutationId = Guid.NewGuid().ToString(),
                        setId = sets[random.Next(sets.Count)],
                        loadKg = random.Next(0, 400) / 2m,
                        reps = random.Next(0, 15),
                        rpe = random.Next(3) == 0 ? (decimal?)null : random.Next(2, 21) / 2m,
                        isWarmup = random.Next(6) == 0,
                    },
                });
                Assert.Null(response.Errors);
            }
            else
            {
                var index = random.Next(sets.Count);
                var response = await client.PostGraphQLAsync(SessionApi.DeleteSet, new { input = new { clientMutationId = Guid.NewGuid().ToString(), setId = sets[index] } });
                Assert.Null(response.Errors);
                sets.RemoveAt(index);
            }
        }

        await using var db = await api.CreateDbAsync();
        var incremental = await db.BodyMapMuscles.AsNoTracking().Where(m => m.AthleteId == athlete.Id).ToListAsync();
        var rebuilt = await BodyMapRebuild.ComputeAsync(db, athlete.Id, CancellationToken.None);

        Assert.NotEmpty(rebuilt);
        Assert.Equal(Describe(rebuilt), Describe(incremental));

        await api.Services.GetRequiredService<BodyMapRebuild>().RebuildAsync(athlete.Id, CancellationToken.None);
        await using var after = await api.CreateDbAsync();
        Assert.Equal(Describe(rebuilt), Describe(await after.BodyMapMuscles.AsNoTracking().Where(m => m.AthleteId == athlete.Id).ToListAsync()));
    }

    [Fact]
    public async Task Week_start_must_be_a_monday()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);

        var response = await client.PostGraphQLAsync(BodyMapQuery, new { weekStart = "2026-11-25" });

        Assert.Equal("VALIDATION", response.FirstErrorCode);
        Assert.Equal("weekStart", response.Errors![0]!["extensions"]!["field"]!.GetValue<string>());
    }

    private static List<string> Describe(IEnumerable<BodyMapMuscle> rows) =>
        [.. rows.Select(r => $"{r.WeekStart:yyyy-MM-dd} {r.Muscle} {r.HardSets:0.0} {r.TotalReps:0.0} {r.VolumeLoadKg:0.0000}").Order(StringComparer.Ordinal)];
}
