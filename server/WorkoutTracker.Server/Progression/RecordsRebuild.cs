using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.Data;

namespace WorkoutTracker.Server.Progression;

/// <summary>
/// Recomputes every set's stored e1RM (the generated column <c>sets.e1rm_kg</c>, from which personal records
/// and the e1RM trend are read) after the rule changed, i.e. after a migration replaced <c>set_e1rm</c>:
/// PostgreSQL recomputes a stored generated column only when its row is written. Run it with
/// <c>WorkoutTracker.Server rebuild-records [athleteId]</c>; running servers forget the athletes' cached
/// versions through the event log.
/// </summary>
public sealed class RecordsRebuild(IDbContextFactory<WorkoutDb> dbFactory)
{
    /// <returns>How many sets were rewritten.</returns>
    public async Task<int> RebuildAsync(Guid? athleteId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var sets = await db.Database.ExecuteSqlAsync($"""
            UPDATE sets SET load_kg = load_kg
            WHERE ({athleteId}::uuid IS NULL OR athlete_id = {athleteId}) AND e1rm_kg IS DISTINCT FROM set_e1rm(load_kg, reps, rpe)
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO event_log (kind, athlete_id, occurred_at)
            SELECT {nameof(EventKind.DerivedDataRebuilt)}, s.athlete_id, now()
            FROM (SELECT DISTINCT athlete_id FROM sessions WHERE {athleteId}::uuid IS NULL OR athlete_id = {athleteId}) AS s
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sets;
    }
}
