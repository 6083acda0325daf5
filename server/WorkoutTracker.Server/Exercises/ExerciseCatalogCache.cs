using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;

namespace WorkoutTracker.Server.Exercises;

/// <summary>
/// The catalog as stored, read once per process: it changes only when the server starts and seeds it,
/// and the plan generator reads all of it for every plan.
/// </summary>
public sealed class ExerciseCatalogCache(IDbContextFactory<WorkoutDb> dbFactory)
{
    private readonly Lazy<Task<Catalog>> _catalog = new(async () =>
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var all = await db.Exercises.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        return new Catalog(all, all.ToDictionary(e => e.Id, StringComparer.Ordinal));
    });

    public async Task<IReadOnlyList<Exercise>> AllAsync() => (await _catalog.Value).All;

    /// <summary>The exercise with this id, or null when the catalog has none.</summary>
    public async Task<Exercise?> FindAsync(string id) => (await _catalog.Value).ById.GetValueOrDefault(id);

    private sealed record Catalog(IReadOnlyList<Exercise> All, IReadOnlyDictionary<string, Exercise> ById);
}
