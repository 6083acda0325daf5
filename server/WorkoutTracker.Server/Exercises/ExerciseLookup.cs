using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;

namespace WorkoutTracker.Server.Exercises;

/// <summary>
/// The exercises an athlete can use: the catalog (cached for the process, <see cref="ExerciseCatalogCache"/>)
/// and their own custom exercises (read when asked; they are few and change while the server runs).
/// Everything that takes an exercise id from an athlete, or for one (logging, plan edits, progression,
/// the body map), resolves it here, so a custom exercise works wherever a catalog one does.
/// </summary>
public sealed class ExerciseLookup(ExerciseCatalogCache catalog, IDbContextFactory<WorkoutDb> dbFactory)
{
    /// <summary>The catalog exercise, or the athlete's own custom one, with this id; null for anything else (another athlete's too).</summary>
    public async Task<Exercise?> FindUsableAsync(Guid athleteId, string id, CancellationToken cancellationToken = default)
    {
        if (await catalog.FindAsync(id) is { } known)
        {
            return known;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Exercises.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.OwnerId == athleteId, cancellationToken);
    }

    /// <summary>The catalog and the athlete's custom exercises.</summary>
    public async Task<IReadOnlyList<Exercise>> UsableAsync(Guid athleteId, CancellationToken cancellationToken = default) =>
        [.. await catalog.AllAsync(), .. await CustomOfAsync(athleteId, cancellationToken)];

    public async Task<IReadOnlyList<Exercise>> CustomOfAsync(Guid athleteId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Exercises.AsNoTracking().Where(e => e.OwnerId == athleteId).OrderBy(e => e.Name).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Exercises by id whoever owns them, for showing what was already logged or planned (the reader may read
    /// the set or plan holding the id): the catalog from the cache, the rest in one query.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Exercise>> ByIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, Exercise>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var id in ids)
        {
            if (await catalog.FindAsync(id) is { } exercise)
            {
                found[id] = exercise;
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count > 0)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            foreach (var exercise in await db.Exercises.AsNoTracking().Where(e => missing.Contains(e.Id)).ToListAsync(cancellationToken))
            {
                found[exercise.Id] = exercise;
            }
        }

        return found;
    }
}
