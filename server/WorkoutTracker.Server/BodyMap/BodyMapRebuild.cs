using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Exercises;

namespace WorkoutTracker.Server.BodyMap;

/// <summary>
/// Recomputes body maps from the set history with the same <see cref="BodyMapRules"/> the incremental
/// update uses, replacing what is stored and bumping every affected week's version. Run it with
/// <c>WorkoutTracker.Server rebuild-body-maps</c> after changing the rules or the catalog's muscles.
/// </summary>
public sealed class BodyMapRebuild(IDbContextFactory<WorkoutDb> dbFactory)
{
    /// <returns>How many (athlete, week, muscle) rows the rebuilt maps hold.</returns>
    public async Task<int> RebuildAsync(Guid? athleteId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var count = await ReplaceAsync(db, athleteId, cancellationToken);

        // Running servers hold week versions in memory (ETags): the event log tells them to forget these athletes.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO event_log (kind, athlete_id, occurred_at)
            SELECT {nameof(EventKind.DerivedDataRebuilt)}, w.athlete_id, now()
            FROM (SELECT DISTINCT athlete_id FROM body_map_weeks WHERE {athleteId}::uuid IS NULL OR athlete_id = {athleteId}) AS w
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    /// <summary>
    /// Replaces the stored body maps with what the set history implies, inside the caller's transaction
    /// (the demo seed runs it in the transaction that writes the history).
    /// </summary>
    public static async Task<int> ReplaceAsync(WorkoutDb db, Guid? athleteId, CancellationToken cancellationToken)
    {
        var rows = await ComputeAsync(db, athleteId, cancellationToken);

        var muscles = athleteId is { } id ? db.BodyMapMuscles.Where(m => m.AthleteId == id) : db.BodyMapMuscles;
        await muscles.ExecuteDeleteAsync(cancellationToken);
        foreach (var week in rows.Select(r => (r.AthleteId, r.WeekStart)).Distinct())
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO body_map_weeks (athlete_id, week_start, version) VALUES ({week.AthleteId}, {week.WeekStart}, 1)
                ON CONFLICT (athlete_id, week_start) DO NOTHING
                """, cancellationToken);
        }

        var weeks = athleteId is { } a ? db.BodyMapWeeks.Where(w => w.AthleteId == a) : db.BodyMapWeeks;
        await weeks.ExecuteUpdateAsync(w => w.SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
        db.BodyMapMuscles.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        return rows.Count;
    }

    /// <summary>The body-map rows the set history implies, without storing them.</summary>
    public static async Task<List<BodyMapMuscle>> ComputeAsync(WorkoutDb db, Guid? athleteId, CancellationToken cancellationToken)
    {
        var exercises = await db.Exercises.AsNoTracking()
            .ToDictionaryAsync(e => e.Id, e => (e.PrimaryMuscles, e.SecondaryMuscles), StringComparer.Ordinal, cancellationToken);
        var sets = athleteId is { } id ? db.Sets.Where(s => s.AthleteId == id) : db.Sets;
        var users = athleteId is { } only ? db.Users.Where(u => u.Id == only) : db.Users.Where(u => db.Sets.Any(s => s.AthleteId == u.Id));
        var zones = (await users.AsNoTracking().Select(u => new { u.Id, u.TimeZone }).ToListAsync(cancellationToken))
            .ToDictionary(u => u.Id, u => Common.Calendar.AthleteCalendar.Zone(u.TimeZone));
        var totals = new Dictionary<(Guid Athlete, DateOnly Week, MuscleGroup Muscle), BodyMapMuscle>();
        await foreach (var set in sets.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var (primary, secondary) = exercises[set.ExerciseId];
            var week = BodyMapRules.WeekStartOf(set.PerformedAt, zones.GetValueOrDefault(set.AthleteId, TimeZoneInfo.Utc));
            foreach (var c in BodyMapRules.ContributionsOf(new SetFacts(set.PerformedAt, set.LoadKg, set.Reps, set.Rpe, set.IsWarmup), primary, secondary))
            {
                var key = (set.AthleteId, week, c.Muscle);
                if (!totals.TryGetValue(key, out var row))
                {
                    totals[key] = row = new BodyMapMuscle { AthleteId = set.AthleteId, WeekStart = week, Muscle = c.Muscle };
                }

                row.HardSets += c.HardSets;
                row.TotalReps += c.TotalReps;
                row.VolumeLoadKg += c.VolumeLoadKg;
            }
        }

        return [.. totals.Values.Where(r => r.HardSets != 0 || r.TotalReps != 0 || r.VolumeLoadKg != 0)];
    }
}
