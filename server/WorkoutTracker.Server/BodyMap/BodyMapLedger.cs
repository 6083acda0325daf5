using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Exercises;

namespace WorkoutTracker.Server.BodyMap;

/// <summary>
/// Keeps the body map current inside the transaction of a set change: subtracts what the set
/// contributed before, adds what it contributes now, and bumps the week's version. Returns the
/// version of the week the set is in now (or was in, for a delete).
/// </summary>
public static class BodyMapLedger
{
    public static async Task<BodyMapStamp> ApplyAsync(
        WorkoutDb db, Guid athleteId, TimeZoneInfo zone, Exercise exercise, SetFacts? before, SetFacts? after, CancellationToken ct)
    {
        var weeks = new[] { before, after }.OfType<SetFacts>().Select(s => BodyMapRules.WeekStartOf(s.PerformedAt, zone)).Distinct().ToList();
        var versions = new Dictionary<DateOnly, int>();
        foreach (var week in weeks)
        {
            versions[week] = await BumpVersionAsync(db, athleteId, week, ct);
            var changes = ChangesOf(exercise, before, after, week, zone);
            if (changes.Count > 0)
            {
                await AddAsync(db, athleteId, week, changes, ct);
            }
        }

        var current = BodyMapRules.WeekStartOf((after ?? before)!.PerformedAt, zone);
        return new BodyMapStamp(current, versions[current]);
    }

    /// <summary>
    /// What a set change adds to (or, negative, takes from) each muscle of <paramref name="week"/>: what
    /// the set contributed <paramref name="before"/> is subtracted, what it contributes <paramref name="after"/>
    /// added; muscles left unchanged are omitted.
    /// </summary>
    public static List<MuscleContribution> ChangesOf(Exercise exercise, SetFacts? before, SetFacts? after, DateOnly week, TimeZoneInfo zone)
    {
        var deltas = new List<MuscleContribution>();
        if (before is not null && BodyMapRules.WeekStartOf(before.PerformedAt, zone) == week)
        {
            deltas.AddRange(BodyMapRules.ContributionsOf(before, exercise.PrimaryMuscles, exercise.SecondaryMuscles).Select(c => c.Negate()));
        }

        if (after is not null && BodyMapRules.WeekStartOf(after.PerformedAt, zone) == week)
        {
            deltas.AddRange(BodyMapRules.ContributionsOf(after, exercise.PrimaryMuscles, exercise.SecondaryMuscles));
        }

        return deltas
            .GroupBy(d => d.Muscle)
            .Select(g => new MuscleContribution(g.Key, g.Sum(x => x.HardSets), g.Sum(x => x.TotalReps), g.Sum(x => x.VolumeLoadKg)))
            .Where(c => c.HardSets != 0 || c.TotalReps != 0 || c.VolumeLoadKg != 0)
            .ToList();
    }

    private static async Task<int> BumpVersionAsync(WorkoutDb db, Guid athleteId, DateOnly week, CancellationToken ct) =>
        (await db.Database.SqlQuery<int>($"""
            INSERT INTO body_map_weeks (athlete_id, week_start, version) VALUES ({athleteId}, {week}, 1)
            ON CONFLICT (athlete_id, week_start) DO UPDATE SET version = body_map_weeks.version + 1
            RETURNING version AS "Value"
            """).ToListAsync(ct)).Single();

    private static async Task AddAsync(WorkoutDb db, Guid athleteId, DateOnly week, List<MuscleContribution> changes, CancellationToken ct)
    {
        var muscles = changes.Select(c => c.Muscle.ToString()).ToArray();
        var hardSets = changes.Select(c => c.HardSets).ToArray();
        var reps = changes.Select(c => c.TotalReps).ToArray();
        var volume = changes.Select(c => c.VolumeLoadKg).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO body_map_muscles (athlete_id, week_start, muscle, hard_sets, total_reps, volume_load_kg)
            SELECT {athleteId}, {week}, t.muscle, t.hard_sets, t.total_reps, t.volume
            FROM unnest({muscles}::text[], {hardSets}::numeric[], {reps}::numeric[], {volume}::numeric[]) AS t(muscle, hard_sets, total_reps, volume)
            ON CONFLICT (athlete_id, week_start, muscle) DO UPDATE SET
                hard_sets = body_map_muscles.hard_sets + excluded.hard_sets,
                total_reps = body_map_muscles.total_reps + excluded.total_reps,
                volume_load_kg = body_map_muscles.volume_load_kg + excluded.volume_load_kg
            """, ct);
        if (changes.Any(c => c.HardSets < 0 || c.TotalReps < 0 || c.VolumeLoadKg < 0))
        {
            // Only a subtraction can bring a muscle back to nothing; such rows are removed, as a rebuild would not have them.
            await db.Database.ExecuteSqlAsync($"""
                DELETE FROM body_map_muscles
                WHERE athlete_id = {athleteId} AND week_start = {week} AND hard_sets = 0 AND total_reps = 0 AND volume_load_kg = 0
                """, ct);
        }
    }
}

/// <summary>The week a change landed in and that week's new body-map version.</summary>
public sealed record BodyMapStamp(DateOnly WeekStart, int Version);
