using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Data;

/// <summary>
/// Six weeks of finished sessions for the demo athlete, so the coach and the copilot have something to
/// talk about on a fresh machine. Written only when the demo athlete has no session at all.
/// <para>
/// It trains as the app would have it (<see cref="HistorySeeder"/>): a strength profile (beginner, 3
/// full-body days, full gym), each session follows that week's generated plan day and is finished
/// through <see cref="SessionProgression"/>. What the athlete lifts comes from <see cref="DemoLifter"/>:
/// every lift gets a little stronger each week except the bench press, which stops improving after two
/// weeks, so its linear progression stalls, fails three sessions in a row and deloads.
/// </para>
/// </summary>
public static class DemoHistory
{
    public const int Weeks = 6;

    /// <summary>What the demo athlete already lifts on the main lifts when the history starts (kg).</summary>
    private static readonly Dictionary<string, decimal> StartingMainLoads = new(StringComparer.Ordinal)
    {
        ["barbell-back-squat"] = 70m,
        ["conventional-deadlift"] = 90m,
        ["barbell-bench-press"] = 50m,
        ["barbell-overhead-press"] = 32.5m,
        ["barbell-row"] = 50m,
    };

    /// <summary>The profile the demo athlete trains with.</summary>
    public static AthleteProfile Profile(DateTimeOffset updatedAt) => new()
    {
        UserId = DemoUsers.Athlete.Id,
        Goal = TrainingGoal.Strength,
        DaysPerWeek = 3,
        Experience = ExperienceLevel.Beginner,
        Equipment = [.. TrainingProfile.FullGym.Order()],
        SessionMinutes = 60,
        Units = WeightUnit.Kg,
        UpdatedAt = updatedAt,
    };

    /// <summary>
    /// Writes the history in the caller's transaction (which holds the seed lock) and returns the rows
    /// written; 0 when the demo athlete already has sessions.
    /// </summary>
    public static async Task<int> SeedAsync(
        WorkoutDb db, SessionProgression progression, IReadOnlyList<Exercise> catalog, DateTimeOffset now, CancellationToken ct)
    {
        var athleteId = DemoUsers.Athlete.Id;
        if (!await db.Users.AnyAsync(u => u.Id == athleteId, ct) || await db.Sessions.AnyAsync(s => s.AthleteId == athleteId, ct))
        {
            return 0;
        }

        var thisMonday = IsoWeeks.MondayOf(DateOnly.FromDateTime(now.UtcDateTime));
        var seed = new HistorySeed(athleteId, Profile, StartingMainLoads, thisMonday.AddDays(-7 * Weeks), HistorySeeder.At(thisMonday, TimeSpan.Zero), new DemoLifter(DemoLifter.StallingLift));
        return await HistorySeeder.SeedAsync(db, progression, catalog, seed, ct);
    }
}

/// <summary>
/// The demo athlete's body, deterministically: a beginner whose strength keeps up with the plan. Each
/// session the e1RM on a lift is the prescribed load with a few reps of reserve beyond the top of the
/// range (main lifts two to four, everything else one to three, varied by a stable hash of exercise,
/// week and day), so main lifts go up every session and accessories climb by reps and now and then fall
/// a rep short. The exception is the bench press, whose e1RM freezes after its second week: the linear
/// progression outruns it and its sets start falling short. Within a session the athlete loses 0.3 reps
/// of capacity per set, goes for the top of the range while keeping the reps in reserve the target RPE
/// asks for, never does more reps than the e1RM allows (Epley), and grinds a set that falls short to
/// RPE 10. Main lifts get warm-up sets; bodyweight and timed work add a rep (5 s) a week. A lifter made
/// without a stalling lift keeps up on every lift.
/// </summary>
public sealed class DemoLifter(string? stallingLift = null)
{
    public const string StallingLift = "barbell-bench-press";

    private const decimal FatiguePerSet = 0.3m;
    private const int StallAfterWeek = 1;

    private decimal? _stalledE1rm;

    public IReadOnlyList<PerformedSet> Perform(Exercise exercise, PlannedExercise planned, int week, int day, LoadingSetup setup)
    {
        var sets = new List<PerformedSet>();
        var target = planned.TargetSets[0];
        if (planned.Role == ExerciseRole.Main && target.Load > 0)
        {
            var implement = LoadImplements.For(exercise);
            var warmUps = new[] { (Percent: 0.5m, Reps: 5), (Percent: 0.75m, Reps: 3) }
                .Select(w => (Load: LoadRounding.Round(target.Load * w.Percent, implement, setup), w.Reps))
                .Where(w => w.Load < target.Load)
                .DistinctBy(w => w.Load);
            sets.AddRange(warmUps.Select(w => new PerformedSet(w.Load, w.Reps, IsWarmup: true)));
        }

        if (target.Load <= 0 || planned.Measure == TargetMeasure.Seconds)
        {
            var step = planned.Measure == TargetMeasure.Seconds ? 5 : 1;
            sets.AddRange(planned.TargetSets.Select(t => new PerformedSet(t.Load, Math.Min(t.RepsMax, t.RepsMin + step * week), t.Rpe ?? 8m)));
            return sets;
        }

        var e1rm = E1rm(exercise, planned, week, day);
        for (var i = 0; i < planned.TargetSets.Count; i++)
        {
            var set = planned.TargetSets[i];
            var toFailure = 30m * (e1rm / set.Load - 1m) - FatiguePerSet * i;
            var inReserve = RpeTable.MaxRpe - (set.Rpe ?? 8m);
            var reps = Math.Clamp((int)Math.Round(toFailure - inReserve, MidpointRounding.AwayFromZero), set.RepsMin, set.RepsMax);
            reps = Math.Max(0, Math.Min(reps, (int)Math.Floor(toFailure)));
            // Short of the target the athlete grinds to failure: RPE 10.
            var rpe = reps < set.RepsMin
                ? RpeTable.MaxRpe
                : Math.Clamp(Math.Round((RpeTable.MaxRpe - (toFailure - reps)) * 2m, MidpointRounding.AwayFromZero) / 2m, RpeTable.MinRpe, RpeTable.MaxRpe);
            sets.Add(new PerformedSet(set.Load, reps, rpe));
        }

        return sets;
    }

    private decimal E1rm(Exercise exercise, PlannedExercise planned, int week, int day)
    {
        if (exercise.Id == stallingLift && week > StallAfterWeek && _stalledE1rm is { } stalled)
        {
            return stalled;
        }

        var target = planned.TargetSets[0];
        var spread = StableHash.Of(string.Create(CultureInfo.InvariantCulture, $"{exercise.Id}|{week}|{day}")) % 3;
        var headroom = (planned.Role == ExerciseRole.Main ? 2 : 1) + (int)spread;
        var e1rm = target.Load * (1m + (target.RepsMax + headroom) / 30m);
        if (exercise.Id == stallingLift)
        {
            _stalledE1rm = Math.Max(e1rm, _stalledE1rm ?? 0m);
        }

        return e1rm;
    }
}
