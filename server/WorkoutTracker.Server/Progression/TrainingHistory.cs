using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Sessions;

namespace WorkoutTracker.Server.Progression;

/// <summary>A standing personal record: which set holds it.</summary>
public sealed record PersonalRecordView(string ExerciseId, PersonalRecordKind Kind, decimal LoadKg, int Reps, decimal E1rmKg, DateTimeOffset AchievedAt, Guid SetId);

/// <summary>The best estimated 1RM of a day.</summary>
public sealed record E1rmPoint(DateOnly Date, decimal E1rmKg, decimal LoadKg, int Reps);

/// <summary>
/// Records and trends from an athlete's logged sets (kilograms; warm-ups and zero-rep sets never count).
/// Uses the progression engine's own <see cref="OneRepMax"/> and <see cref="PersonalRecords"/> rules.
/// </summary>
public sealed class TrainingHistory(IDbContextFactory<WorkoutDb> dbFactory)
{
    /// <summary>
    /// Per exercise: the heaviest load, the most reps (ties to the heavier load) and the best e1RM, each
    /// with the first set that reached it. Three index probes per catalog exercise (the set's e1RM is stored
    /// in its row), so the cost does not grow with the athlete's history.
    /// </summary>
    public async Task<IReadOnlyList<PersonalRecordView>> PersonalRecordsAsync(Guid athleteId, string? exerciseId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Database.SqlQuery<RecordRow>($"""
            SELECT x.id AS exercise_id, r.kind, r.set_id, r.load_kg, r.reps, r.e1rm_kg, r.performed_at
            FROM exercises x
            CROSS JOIN LATERAL (
                (SELECT 0 AS kind, s.id AS set_id, s.load_kg, s.reps, s.e1rm_kg, s.performed_at FROM sets s
                 WHERE s.athlete_id = {athleteId} AND s.exercise_id = x.id AND NOT s.is_warmup AND s.reps > 0
                 ORDER BY s.load_kg DESC, s.performed_at, s."order" LIMIT 1)
                UNION ALL
                (SELECT 1, s.id, s.load_kg, s.reps, s.e1rm_kg, s.performed_at FROM sets s
                 WHERE s.athlete_id = {athleteId} AND s.exercise_id = x.id AND NOT s.is_warmup AND s.reps > 0
                 ORDER BY s.reps DESC, s.load_kg DESC, s.performed_at, s."order" LIMIT 1)
                UNION ALL
                (SELECT 2, s.id, s.load_kg, s.reps, s.e1rm_kg, s.performed_at FROM sets s
                 WHERE s.athlete_id = {athleteId} AND s.exercise_id = x.id AND NOT s.is_warmup AND s.reps > 0
                 ORDER BY s.e1rm_kg DESC, s.performed_at, s."order" LIMIT 1)
            ) AS r
            WHERE {exerciseId}::text IS NULL OR x.id = {exerciseId}
            ORDER BY x.id COLLATE "C", r.kind
            """).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new PersonalRecordView(
            r.ExerciseId, (PersonalRecordKind)r.Kind, r.LoadKg, r.Reps, decimal.Round(r.E1rmKg, 2), r.PerformedAt, r.SetId))];
    }

    /// <summary>How far back the <c>e1rmHistory</c> field looks when not told: a year.</summary>
    public static readonly int DefaultE1rmDays = 365;

    /// <summary>The best e1RM of each training day over the whole history (the coach's trend reads it so).</summary>
    public Task<IReadOnlyList<E1rmPoint>> E1rmHistoryAsync(Guid athleteId, string exerciseId, CancellationToken cancellationToken) =>
        E1rmHistoryAsync(athleteId, exerciseId, from: null, to: null, cancellationToken);

    /// <summary>
    /// The best e1RM of each training day for one exercise, oldest first (for a trend chart), from
    /// <paramref name="from"/> to <paramref name="to"/> (the athlete's days, in their time zone as <c>users.time_zone</c>
    /// says, both included; null: the whole history on that side). One point per day, read through the
    /// (athlete, exercise, performed_at) index over the range widened by a day on each side (no zone is more than
    /// 14 hours from UTC), then held to the athlete's days: the cost follows the range asked for, not the history.
    /// </summary>
    public async Task<IReadOnlyList<E1rmPoint>> E1rmHistoryAsync(Guid athleteId, string exerciseId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        DateTimeOffset? start = from is { } f ? new DateTimeOffset(f.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
        DateTimeOffset? end = to is { } t ? new DateTimeOffset(t.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Database.SqlQuery<DayRow>($"""
            SELECT DISTINCT ON (day) day, e1rm_kg, load_kg, reps
            FROM (SELECT (s.performed_at AT TIME ZONE u.time_zone)::date AS day, s.e1rm_kg, s.load_kg, s.reps, s.performed_at, s."order"
                  FROM sets s JOIN users u ON u.id = s.athlete_id
                  WHERE s.athlete_id = {athleteId} AND s.exercise_id = {exerciseId} AND NOT s.is_warmup AND s.reps > 0
                    AND ({start}::timestamptz IS NULL OR s.performed_at >= {start})
                    AND ({end}::timestamptz IS NULL OR s.performed_at < {end})) AS d
            WHERE ({from}::date IS NULL OR day >= {from}) AND ({to}::date IS NULL OR day <= {to})
            ORDER BY day, e1rm_kg DESC, performed_at, "order"
            """).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new E1rmPoint(r.Day, decimal.Round(r.E1rmKg, 2), r.LoadKg, r.Reps))];
    }

    /// <summary>The records <paramref name="set"/> broke against everything logged before it.</summary>
    public async Task<IReadOnlyList<PersonalRecord>> RecordsBrokenByAsync(WorkoutSet set, CancellationToken cancellationToken)
    {
        var history = (await WorkSetsAsync(set.AthleteId, set.ExerciseId, cancellationToken))
            .Where(s => s.Id != set.Id && (s.PerformedAt < set.PerformedAt || (s.PerformedAt == set.PerformedAt && s.Id.CompareTo(set.Id) < 0)))
            .Select(ToPerformed);
        return PersonalRecords.Detect(history, ToPerformed(set));
    }

    private static PerformedSet ToPerformed(WorkoutSet set) => new(set.LoadKg, set.Reps, set.Rpe, set.IsWarmup);

    private async Task<List<WorkoutSet>> WorkSetsAsync(Guid athleteId, string? exerciseId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sets = db.Sets.AsNoTracking().Where(s => s.AthleteId == athleteId && !s.IsWarmup && s.Reps > 0);
        if (exerciseId is not null)
        {
            sets = sets.Where(s => s.ExerciseId == exerciseId);
        }

        return await sets.ToListAsync(cancellationToken);
    }

    private sealed record RecordRow(string ExerciseId, int Kind, Guid SetId, decimal LoadKg, int Reps, decimal E1rmKg, DateTimeOffset PerformedAt);

    private sealed record DayRow(DateOnly Day, decimal E1rmKg, decimal LoadKg, int Reps);
}
