using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;

namespace WorkoutTracker.Server.Common.EventLog;

/// <summary>
/// Appends event rows inside the caller's transaction: the row commits (or rolls back) with the change
/// it records. Nothing is signalled here: <c>pg_notify</c> in a write transaction would take PostgreSQL's
/// database-wide notify lock until commit and serialise every commit; the wake-up is sent after commit
/// (<see cref="EventLogWakeUp"/>).
/// </summary>
public static class EventLogWriter
{
    /// <summary>The <c>xid</c> column's default, <c>pg_current_xact_id()</c>, stamps the row with the writing transaction.</summary>
    public static Task AppendAsync(
        WorkoutDb db,
        EventKind kind,
        Guid athleteId,
        Guid? sessionId,
        Guid? setId,
        int? sessionVersion,
        DateOnly? bodyMapWeekStart,
        int? bodyMapVersion,
        Guid? coachId,
        DateTimeOffset occurredAt,
        CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO event_log (kind, athlete_id, session_id, set_id, session_version, body_map_week_start, body_map_version, coach_id, occurred_at)
            VALUES ({kind.ToString()}, {athleteId}, {sessionId}, {setId}, {sessionVersion}, {bodyMapWeekStart}, {bodyMapVersion}, {coachId}, {occurredAt})
            """, cancellationToken);
}
