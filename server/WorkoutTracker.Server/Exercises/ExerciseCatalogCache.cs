using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;

namespace WorkoutTracker.Server.Exercises;

/// <summary>
/// The catalog as stored, read once per process: it changes only when the server starts and seeds it,
/// and the plan generator reads all of it for every plan.
/// </summary>
public sealed class ExerciseCatalogCache(IDbContextFactory<WorkoutDb> dbFactory)
{
    private readonly Lazy<Task<IReadOnlyList<Exercise>>> _all = new(async () =>
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Exercises.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    });

    public Task<IReadOnlyList<Exercise>> AllAsync() => _all.Value;
}
