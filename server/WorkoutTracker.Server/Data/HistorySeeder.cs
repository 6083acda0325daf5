using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Sessions;

namespace WorkoutTracker.Server.Data;

/// <summary>
/// A training history to write for one athlete: the profile to create when they have none, what they
/// already lift on the main lifts (in their unit), the Monday the history starts, the moment it stops
/// (sessions starting before it are trained; <see cref="HistorySeeder.At"/> of this Monday gives complete
/// weeks only, "now" also this week's days so far) and the lifter's body.
/// </summary>
public sealed record HistorySeed(
    Guid AthleteId,
    Func<DateTimeOffset, AthleteProfile> Profile,
    IReadOnlyDictionary<string, decimal> StartingMainLoads,
    DateOnly FirstMonday,
    DateTimeOffset Until,
    DemoLifter Lifter);

/// <summary>
/// Writes a training history as the app would have made it: each session follows that week's generated
/// plan day on the athlete's training days (at 17:30 UTC), its sets are what the <see cref="DemoLifter"/>
/// manages, it is finished through <see cref="SessionProgression"/> (so the stored progression is exactly
/// what the engine made of the sets), and the body maps are rebuilt from the sets
/// (<see cref="BodyMapRebuild"/>). Used for the demo athlete (<see cref="DemoHistory"/>) and by the tests
/// that need athletes with other histories.
/// </summary>
public static class HistorySeeder
{
    private static readonly TimeSpan SessionStart = new(17, 30, 0);

    /// <summary>The week's training days by days per week, as offsets from Monday.</summary>
    public static IReadOnlyList<int> TrainingDays(int daysPerWeek) => daysPerWeek switch
    {
        <= 1 => [0],
        2 => [0, 3],
        3 => [0, 2, 4],
        4 => [0, 1, 3, 4],
        5 => [0, 1, 2, 3, 4],
        _ => [0, 1, 2, 3, 4, 5],
    };

    /// <summary>Writes the history in the caller's transaction and returns the rows written.</summary>
    public static async Task<int> SeedAsync(WorkoutDb db, SessionProgression progression, IReadOnlyList<Exercise> catalog, HistorySeed seed, CancellationToken ct)
    {
        var profile = await db.AthleteProfiles.SingleOrDefaultAsync(p => p.UserId == seed.AthleteId, ct);
        if (profile is null)
        {
            profile = seed.Profile(At(seed.FirstMonday.AddDays(-1), TimeSpan.FromHours(12)));
            db.AthleteProfiles.Add(profile);
            await db.SaveChangesAsync(ct);
        }

        var training = profile.ToTrainingProfile();
        await SeedStartingLoadsAsync(db, seed, training, catalog, ct);

        var written = 0;
        var days = TrainingDays(training.DaysPerWeek);
        for (var week = 0; At(seed.FirstMonday.AddDays(7 * week), TimeSpan.Zero) < seed.Until; week++)
        {
            var monday = seed.FirstMonday.AddDays(7 * week);
            for (var day = 0; day < days.Count; day++)
            {
                var startedAt = At(monday.AddDays(days[day]), SessionStart);
                if (startedAt >= seed.Until)
                {
                    break;
                }

                written += await TrainAsync(db, progression, seed, training, catalog, week, day + 1, startedAt, ct);
            }
        }

        written += await BodyMapRebuild.ReplaceAsync(db, seed.AthleteId, ct);
        return written;
    }

    public static DateTimeOffset At(DateOnly day, TimeSpan time) => new(day.ToDateTime(TimeOnly.FromTimeSpan(time)), TimeSpan.Zero);

    /// <summary>The main lifts of the first week start at what the athlete already lifts, not at the empty bar.</summary>
    private static async Task SeedStartingLoadsAsync(WorkoutDb db, HistorySeed seed, TrainingProfile training, IReadOnlyList<Exercise> catalog, CancellationToken ct)
    {
        var stored = await db.ExerciseProgress.AsNoTracking().Where(p => p.AthleteId == seed.AthleteId).Select(p => p.ExerciseId).ToListAsync(ct);
        var plan = PlanGenerator.Generate(training, catalog, new Dictionary<string, ExerciseProgress>(), seed.FirstMonday);
        var mains = plan.Days.SelectMany(d => d.Exercises).Where(e => e.Role == ExerciseRole.Main).Select(e => e.ExerciseId).Distinct();
        foreach (var exerciseId in mains.Where(id => seed.StartingMainLoads.ContainsKey(id) && !stored.Contains(id)))
        {
            var start = plan.NewProgress.Single(p => p.ExerciseId == exerciseId);
            db.ExerciseProgress.Add(new StoredProgress
            {
                AthleteId = seed.AthleteId,
                ExerciseId = exerciseId,
                State = StoredProgress.Serialize(ProgressionEngine.SetLoad(start, seed.StartingMainLoads[exerciseId], training.LoadingSetup) with { Version = 0 }),
                UpdatedAt = At(seed.FirstMonday.AddDays(-1), TimeSpan.FromHours(12)),
            });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>One session of plan day <paramref name="dayNumber"/>: sets as the lifter manages them, then finished.</summary>
    private static async Task<int> TrainAsync(
        WorkoutDb db, SessionProgression progression, HistorySeed seed, TrainingProfile training, IReadOnlyList<Exercise> catalog,
        int week, int dayNumber, DateTimeOffset startedAt, CancellationToken ct)
    {
        var progress = (await db.ExerciseProgress.AsNoTracking().Where(p => p.AthleteId == seed.AthleteId).ToListAsync(ct))
            .ToDictionary(p => p.ExerciseId, p => p.ToProgress(), StringComparer.Ordinal);
        var plan = PlanGenerator.Generate(training, catalog, progress, DateOnly.FromDateTime(startedAt.UtcDateTime));
        var day = plan.Days.Single(d => d.DayNumber == dayNumber);
        var exercises = catalog.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var session = new TrainingSession
        {
            Id = Guid.CreateVersion7(startedAt),
            AthleteId = seed.AthleteId,
            PlanDayNumber = dayNumber,
            StartedAt = startedAt,
            Version = 1,
        };
        db.Sessions.Add(session);

        var clock = startedAt.AddMinutes(8);
        var order = 0;
        foreach (var planned in day.Exercises)
        {
            var exercise = exercises[planned.ExerciseId];
            var performed = seed.Lifter.Perform(exercise, planned, week, dayNumber, training.LoadingSetup);
            foreach (var set in performed)
            {
                clock = clock.AddSeconds(set.IsWarmup ? 90 : RestSeconds(planned.Role));
                db.Sets.Add(new WorkoutSet
                {
                    Id = Guid.CreateVersion7(clock),
                    SessionId = session.Id,
                    AthleteId = seed.AthleteId,
                    ExerciseId = exercise.Id,
                    Order = ++order,
                    LoadKg = WeightConversion.Convert(set.Load, training.Units, WeightUnit.Kg),
                    Reps = set.Reps,
                    Rpe = set.Rpe,
                    RestSeconds = set.IsWarmup ? 90 : RestSeconds(planned.Role),
                    IsWarmup = set.IsWarmup,
                    PerformedAt = clock,
                    UpdatedAt = clock,
                });
            }
        }

        session.FinishedAt = clock.AddMinutes(5);
        session.Version += order + 1;
        await db.SaveChangesAsync(ct);
        await progression.ApplyAsync(db, session, ct);
        return order + 1;
    }

    private static int RestSeconds(ExerciseRole role) => role switch
    {
        ExerciseRole.Main => 180,
        ExerciseRole.Secondary => 150,
        _ => 90,
    };
}
