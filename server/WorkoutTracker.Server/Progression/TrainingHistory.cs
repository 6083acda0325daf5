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
    /// with the first set that reached it.
    /// </summary>
    public async Task<IReadOnlyList<PersonalRecordView>> PersonalRecordsAsync(Guid athleteId, string? exerciseId, CancellationToken cancellationToken)
    {
        var sets = await WorkSetsAsync(athleteId, exerciseId, cancellationToken);
        var records = new List<PersonalRecordView>();
        foreach (var group in sets.GroupBy(s => s.ExerciseId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(s => s.PerformedAt).ThenBy(s => s.Order).ToList();
            var heaviest = ordered.MaxBy(s => s.LoadKg)!;
            var mostReps = ordered.OrderByDescending(s => s.Reps).ThenByDescending(s => s.LoadKg).First();
            var bestE1rm = ordered.MaxBy(E1rm)!;
            records.Add(View(PersonalRecordKind.HeaviestLoad, heaviest));
            records.Add(View(PersonalRecordKind.MostRepsAtLoad, mostReps));
            records.Add(View(PersonalRecordKind.BestE1rm, bestE1rm));
        }

        return records;
    }

    /// <summary>The best e1RM of each training day for one exercise, oldest first (for a trend chart).</summary>
    public async Task<IReadOnlyList<E1rmPoint>> E1rmHistoryAsync(Guid athleteId, string exerciseId, CancellationToken cancellationToken)
    {
        var sets = await WorkSetsAsync(athleteId, exerciseId, cancellationToken);
        return [.. sets
            .GroupBy(s => DateOnly.FromDateTime(s.PerformedAt.UtcDateTime))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var best = g.MaxBy(E1rm)!;
                return new E1rmPoint(g.Key, decimal.Round(E1rm(best), 2), best.LoadKg, best.Reps);
            })];
    }

    /// <summary>The records <paramref name="set"/> broke against everything logged before it.</summary>
    public async Task<IReadOnlyList<PersonalRecord>> RecordsBrokenByAsync(WorkoutSet set, CancellationToken cancellationToken)
    {
        var history = (await WorkSetsAsync(set.AthleteId, set.ExerciseId, cancellationToken))
            .Where(s => s.Id != set.Id && (s.PerformedAt < set.PerformedAt || (s.PerformedAt == set.PerformedAt && s.Id.CompareTo(set.Id) < 0)))
            .Select(ToPerformed);
        return PersonalRecords.Detect(history, ToPerformed(set));
    }

    private static PersonalRecordView View(PersonalRecordKind kind, WorkoutSet set) =>
        new(set.ExerciseId, kind, set.LoadKg, set.Reps, decimal.Round(E1rm(set), 2), set.PerformedAt, set.Id);

    private static decimal E1rm(WorkoutSet set) => OneRepMax.Estimate(set.LoadKg, set.Reps, set.Rpe);

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
}
