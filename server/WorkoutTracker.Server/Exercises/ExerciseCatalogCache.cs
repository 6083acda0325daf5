using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;

namespace WorkoutTracker.Server.Exercises;

/// <summary>
/// The catalog as stored (custom exercises are not part of it: <see cref="ExerciseLookup"/>), read once per process: it changes only when the server starts and seeds it,
/// and the plan generator reads all of it for every plan. A read that failed (the database restarting)
/// is dropped, so the next caller reads again instead of the failure being kept for the process's life.
/// </summary>
public sealed class ExerciseCatalogCache(IDbContextFactory<WorkoutDb> dbFactory)
{
    private readonly Lock _gate = new();
    private Task<Catalog>? _catalog;

    public async Task<IReadOnlyList<Exercise>> AllAsync() => (await CatalogAsync()).All;

    /// <summary>The exercise with this id, or null when the catalog has none.</summary>
    public async Task<Exercise?> FindAsync(string id) => (await CatalogAsync()).ById.GetValueOrDefault(id);

    private Task<Catalog> CatalogAsync()
    {
        lock (_gate)
        {
            if (_catalog is null || _catalog.IsFaulted || _catalog.IsCanceled)
            {
                _catalog = LoadAsync();
            }

            return _catalog;
        }
    }

    private async Task<Catalog> LoadAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var all = await db.Exercises.AsNoTracking().Where(e => e.OwnerId == null).OrderBy(e => e.Id).ToListAsync();
        return new Catalog(all, all.ToDictionary(e => e.Id, StringComparer.Ordinal));
    }

    private sealed record Catalog(IReadOnlyList<Exercise> All, IReadOnlyDictionary<string, Exercise> ById);
}
