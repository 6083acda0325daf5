using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Common.Calendar;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Sessions;

namespace WorkoutTracker.Server.History;

/// <summary>A record a set broke when it was logged.</summary>
public sealed record SessionRecord(Guid SetId, string ExerciseId, PersonalRecordKind Kind, decimal Value, decimal? Previous);

/// <summary>
/// A session at a glance, for the history list: how long it took (null while open), its volume (kg × reps of
/// the hard sets), its sets and hard sets, its exercises, and the records its sets broke.
/// </summary>
public sealed record SessionSummary(Guid SessionId, int? DurationSeconds, decimal VolumeKg, int SetCount, int HardSetCount, int ExerciseCount, IReadOnlyList<SessionRecord> Records);

/// <summary>One day of an exercise: every set done, the best (highest e1RM) hard set, its e1RM and the day's volume.</summary>
public sealed record ExerciseDay(DateOnly Date, IReadOnlyList<WorkoutSet> Sets, WorkoutSet? BestSet, decimal? BestE1rmKg, decimal VolumeKg);

/// <summary>A page of an exercise's days, newest first.</summary>
public sealed record ExerciseDayPage(IReadOnlyList<ExerciseDay> Days, bool HasMore);

/// <summary>
/// The athlete's history: session summaries (with the records each set broke, by the same rules as
/// <c>logSet</c>'s <c>newRecords</c>: <see cref="PersonalRecords"/>) and an exercise's history by day.
/// Days are the athlete's, in their time zone (<c>users.time_zone</c>), as <c>e1rmHistory</c>'s are.
/// </summary>
public sealed class HistoryReads(IDbContextFactory<WorkoutDb> dbFactory)
{
    public const int MaxDays = 100;

    /// <summary>Summaries of many sessions: their sets in one query, the history of the exercises they trained in another.</summary>
    public async Task<IReadOnlyDictionary<Guid, SessionSummary>> SummariesAsync(IReadOnlyList<Guid> sessionIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().Where(s => sessionIds.Contains(s.Id)).ToListAsync(cancellationToken);
        var sets = await db.Sets.AsNoTracking().Where(s => sessionIds.Contains(s.SessionId)).ToListAsync(cancellationToken);
        var records = new Dictionary<Guid, List<SessionRecord>>();
        foreach (var athlete in sets.GroupBy(s => s.AthleteId))
        {
            var exerciseIds = athlete.Select(s => s.ExerciseId).Distinct().ToList();
            var until = athlete.Max(s => s.PerformedAt);
            var inBatch = athlete.Select(s => s.Id).ToHashSet();
            var history = await db.Sets.AsNoTracking()
                .Where(s => s.AthleteId == athlete.Key && exerciseIds.Contains(s.ExerciseId) && !s.IsWarmup && s.Reps > 0 && s.PerformedAt <= until)
                .ToListAsync(cancellationToken);
            foreach (var exercise in history.GroupBy(s => s.ExerciseId))
            {
                var past = new List<PerformedSet>();
                foreach (var set in exercise.OrderBy(s => s.PerformedAt).ThenBy(s => s.Id))
                {
                    var performed = new PerformedSet(set.LoadKg, set.Reps, set.Rpe, set.IsWarmup);
                    if (inBatch.Contains(set.Id))
                    {
                        foreach (var record in PersonalRecords.Detect(past, performed))
                        {
                            (records.TryGetValue(set.SessionId, out var list) ? list : records[set.SessionId] = []).Add(
                                new SessionRecord(set.Id, set.ExerciseId, record.Kind, decimal.Round(record.Value, 2), record.Previous is { } p ? decimal.Round(p, 2) : null));
                        }
                    }

                    past.Add(performed);
                }
            }
        }

        var bySession = sets.ToLookup(s => s.SessionId);
        return sessions.ToDictionary(s => s.Id, s =>
        {
            var own = bySession[s.Id].ToList();
            var hard = own.Where(x => !x.IsWarmup).ToList();
            return new SessionSummary(
                s.Id,
                s.FinishedAt is { } finished ? (int)Math.Max(0, (finished - s.StartedAt).TotalSeconds) : null,
                hard.Sum(x => x.LoadKg * x.Reps),
                own.Count,
                hard.Count,
                own.Select(x => x.ExerciseId).Distinct().Count(),
                records.TryGetValue(s.Id, out var found) ? [.. found.OrderBy(r => own.First(x => x.Id == r.SetId).Order).ThenBy(r => r.Kind)] : []);
        });
    }

    /// <summary>The days an athlete did an exercise, newest first, <paramref name="first"/> at a time, before <paramref name="before"/> when given.</summary>
    public async Task<ExerciseDayPage> ExerciseDaysAsync(Guid athleteId, string exerciseId, int first, DateOnly? before, CancellationToken cancellationToken)
    {
        if (first is < 1 or > MaxDays)
        {
            throw new ValidationException("first", $"must be between 1 and {MaxDays}.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zone = AthleteCalendar.Zone(await db.Users.Where(u => u.Id == athleteId).Select(u => u.TimeZone).SingleOrDefaultAsync(cancellationToken));
        var query = db.Sets.AsNoTracking().Where(s => s.AthleteId == athleteId && s.ExerciseId == exerciseId);
        if (before is { } day)
        {
            // A day after the UTC midnight covers every zone's midnight; the athlete's own day is kept below.
            var end = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(s => s.PerformedAt < end);
        }

        var sets = await query.OrderByDescending(s => s.PerformedAt).ToListAsync(cancellationToken);
        var days = sets.GroupBy(s => AthleteCalendar.DayOf(s.PerformedAt, zone)).Where(g => before is not { } b || g.Key < b).ToList();
        return new ExerciseDayPage([.. days.Take(first).Select(g =>
        {
            var ordered = g.OrderBy(s => s.PerformedAt).ThenBy(s => s.Order).ToList();
            var hard = ordered.Where(s => !s.IsWarmup && s.Reps > 0).ToList();
            var best = hard.MaxBy(s => OneRepMax.Estimate(s.LoadKg, s.Reps, s.Rpe));
            return new ExerciseDay(g.Key, ordered, best, best is null ? null : decimal.Round(OneRepMax.Estimate(best.LoadKg, best.Reps, best.Rpe), 2), hard.Sum(s => s.LoadKg * s.Reps));
        })], days.Count > first);
    }
}

/// <summary>Session summaries by session id, for a page of history in two queries.</summary>
public sealed class SessionSummaryBySessionIdDataLoader(HistoryReads history) : GraphQL.DataLoaders.BatchDataLoader<Guid, SessionSummary>
{
    protected override Task<IReadOnlyDictionary<Guid, SessionSummary>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        history.SummariesAsync(keys, cancellationToken);
}
