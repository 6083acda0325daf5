using WorkoutTracker.Server.GraphQL.DataLoaders;

namespace WorkoutTracker.Server.Exercises;

/// <summary>
/// Exercises by id, for sets, plans and records: one lookup per execution level. The catalog is
/// reference data read once per process (<see cref="ExerciseCatalogCache"/>), so a batch of catalog ids
/// costs no query; custom exercises among the keys cost one.
/// </summary>
public sealed class ExerciseByIdDataLoader(ExerciseLookup exercises) : BatchDataLoader<string, Exercise>
{
    protected override Task<IReadOnlyDictionary<string, Exercise>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        exercises.ByIdsAsync(keys, cancellationToken);
}
