using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.GraphQL.DataLoaders;

namespace WorkoutTracker.Server.Exercises;

/// <summary>Exercises by id, for sets and plans: one query per execution level.</summary>
public sealed class ExerciseByIdDataLoader(IDbContextFactory<WorkoutDb> dbFactory) : BatchDataLoader<string, Exercise>
{
    protected override async Task<IReadOnlyDictionary<string, Exercise>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Exercises.AsNoTracking().Where(e => keys.Contains(e.Id)).ToDictionaryAsync(e => e.Id, StringComparer.Ordinal, cancellationToken);
    }
}
