using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Data;

namespace WorkoutTracker.Server.Exercises;

/// <summary>Reads the exercise catalog.</summary>
public sealed class ExerciseSearch(IDbContextFactory<WorkoutDb> dbFactory)
{
    public const int MaxSearchLength = 100;

    /// <param name="filter">What to look for.</param>
    /// <param name="athleteId">Whose custom exercises to include, and whose recent use orders them with <see cref="ExerciseFilter.RecentFirst"/>; the catalog only when null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<IReadOnlyList<Exercise>> FindAsync(ExerciseFilter filter, CancellationToken cancellationToken, Guid? athleteId = null)
    {
        if (filter.Search is { Length: > MaxSearchLength })
        {
            throw new ValidationException("filter.search", $"must be at most {MaxSearchLength} characters.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = athleteId is { } owner
            ? db.Exercises.AsNoTracking().Where(e => e.OwnerId == null || e.OwnerId == owner)
            : db.Exercises.AsNoTracking().Where(e => e.OwnerId == null);
        if (filter.Muscle is { } muscle)
        {
            query = filter.IncludeSecondary
                ? query.Where(e => e.PrimaryMuscles.Contains(muscle) || e.SecondaryMuscles.Contains(muscle))
                : query.Where(e => e.PrimaryMuscles.Contains(muscle));
        }

        if (filter.AvailableEquipment is { } available)
        {
            var have = available.Distinct().ToList();
            query = query.Where(e => e.Equipment.All(item => have.Contains(item)));
        }

        if (filter.Pattern is { } pattern)
        {
            query = query.Where(e => e.Pattern == pattern);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var escaped = filter.Search.Trim().Replace(@"\", @"\\", StringComparison.Ordinal)
                .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
            query = query.Where(e => EF.Functions.ILike(e.Name, "%" + escaped + "%"));
        }

        var found = await query.OrderBy(e => e.Name).ToListAsync(cancellationToken);
        if (!filter.RecentFirst || athleteId is not { } athlete)
        {
            return found;
        }

        var lastUsed = await db.Sets.AsNoTracking().Where(s => s.AthleteId == athlete)
            .GroupBy(s => s.ExerciseId).Select(g => new { ExerciseId = g.Key, Last = g.Max(s => s.PerformedAt) })
            .ToDictionaryAsync(x => x.ExerciseId, x => x.Last, StringComparer.Ordinal, cancellationToken);
        return [.. found.OrderByDescending(e => lastUsed.TryGetValue(e.Id, out var last) ? last : DateTimeOffset.MinValue)];
    }
}
