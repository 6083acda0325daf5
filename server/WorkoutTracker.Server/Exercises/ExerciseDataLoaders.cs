using WorkoutTracker.Server.GraphQL.DataLoaders;

namespace WorkoutTracker.Server.Exercises;

/// <summary>
/// Exercises by id, for sets, plans and records: one lookup per execution level. The catalog is
/// reference data read once per process (<see cref="ExerciseCatalogCache"/>), so a batch costs no query.
/// </summary>
public sealed class ExerciseByIdDataLoader(ExerciseCatalogCache catalog) : BatchDataLoader<string, Exercise>
{
    protected override async Task<IReadOnlyDictionary<string, Exercise>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, Exercise>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (await catalog.FindAsync(key) is { } exercise)
            {
                found[key] = exercise;
            }
        }

        return found;
    }
}
