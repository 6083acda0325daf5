using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Data;

/// <summary>
/// The demo athlete's seeded history: weeks of finished plan sessions, progression advanced by the
/// engine, body maps matching the sets, written once however many instances start.
/// </summary>
public sealed class DemoHistoryTests(DemoHistoryTests.TwoInstances servers) : IClassFixture<DemoHistoryTests.TwoInstances>
{
    /// <summary>Two server instances started one after the other on one new database.</summary>
    public sealed class TwoInstances : IAsyncLifetime
    {
        public WorkoutApiFactory First { get; } = new();

        public WorkoutApiFactory Second { get; } = new();

        public async Task InitializeAsync()
        {
            await ((IAsyncLifetime)First).InitializeAsync();
            await ((IAsyncLifetime)Second.SharingDatabaseOf(First)).InitializeAsync();
        }

        public async Task DisposeAsync()
        {
            await ((IAsyncLifetime)Second).DisposeAsync();
            await ((IAsyncLifetime)First).DisposeAsync();
        }
    }

    private WorkoutApiFactory Api => servers.First;

    [Fact]
    public async Task The_demo_athlete_has_weeks_of_finished_plan_sessions_written_once()
    {
        await using var db = await Api.CreateDbAsync();
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.AthleteId == DemoUsers.Athlete.Id).OrderBy(s => s.StartedAt).ToListAsync();
        var profile = await db.AthleteProfiles.AsNoTracking().SingleAsync(p => p.UserId == DemoUsers.Athlete.Id);

        // Two instances started on the database; the second found the history and wrote nothing.
        Assert.Equal(DemoHistory.Weeks * profile.DaysPerWeek, sessions.Count);
        Assert.All(sessions, s => Assert.True(s.IsFinished));
        Assert.Equal(DemoHistory.Weeks, sessions.Select(s => IsoWeeks.MondayOf(DateOnly.FromDateTime(s.StartedAt.UtcDateTime))).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, profile.DaysPerWeek), sessions.Take(profile.DaysPerWeek).Select(s => s.PlanDayNumber!.Value));
        Assert.True(sessions[^1].StartedAt < DateTimeOffset.UtcNow);
        // Each finished session advanced the progression once.
        Assert.Equal(sessions.Count, profile.ProgressionVersion);
    }

    [Fact]
    public async Task Body_maps_are_what_the_sets_imply()
    {
        await using var db = await Api.CreateDbAsync();

        var stored = await db.BodyMapMuscles.AsNoTracking().Where(m => m.AthleteId == DemoUsers.Athlete.Id).ToListAsync();
        var rebuilt = await BodyMapRebuild.ComputeAsync(db, DemoUsers.Athlete.Id, CancellationToken.None);

        Assert.NotEmpty(stored);
        Assert.Equal(Describe(rebuilt), Describe(stored));
    }

    [Fact]
    public async Task The_bench_press_stalls_while_the_squat_progresses()
    {
        var progress = await Api.Services.GetRequiredService<WeeklyPlanService>().LoadProgressAsync(DemoUsers.Athlete.Id, CancellationToken.None);
        await using var db = await Api.CreateDbAsync();
        var firstSquat = await db.Sets.AsNoTracking()
            .Where(s => s.AthleteId == DemoUsers.Athlete.Id && s.ExerciseId == "barbell-back-squat" && !s.IsWarmup)
            .OrderBy(s => s.PerformedAt).FirstAsync();

        Assert.True(progress[DemoLifter.StallingLift].ConsecutiveFailures >= 2, "the bench press should be failing sessions in a row");
        Assert.True(progress["barbell-back-squat"].ConsecutiveFailures == 0);
        Assert.True(progress["barbell-back-squat"].Load > firstSquat.LoadKg);
    }

    private static List<string> Describe(IEnumerable<BodyMapMuscle> rows) =>
        [.. rows.Select(r => $"{r.WeekStart:yyyy-MM-dd} {r.Muscle} {r.HardSets:0.0} {r.TotalReps:0.0} {r.VolumeLoadKg:0.0000}").Order(StringComparer.Ordinal)];
}
