using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Data;

namespace WorkoutTracker.Server.Exercises;

/// <summary>Reads the exercise catalog.</summary>
public sealed class ExerciseSearch(IDbContextFactory<WorkoutDb> dbFactory)
{
    public const int MaxSearchLength = 100;

    public async Task<IReadOnlyList<Exercise>> FindAsync(ExerciseFilter filter, CancellationToken cancellationToken)
    {
        if (filter.Search is { Length: > MaxSearchLength })
        {
            throw new ValidationException("filter.search", $"must be at most {MaxSearchLength} characters.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Exercises.AsNoTracking();
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

        return await query.OrderBy(e => e.Name).ToListAsync(cancellationToken);
    }
}
