namespace WorkoutTracker.Server.GraphQL.DataLoaders;

/// <summary>
/// Loads one value per key: all keys asked for on an execution level go to one
/// <see cref="FetchAsync"/>; a key it does not return resolves to <c>null</c> (<c>default</c>).
/// </summary>
/// <example>
/// A loader is named for what it loads by what key, takes its services in the constructor and opens
/// its own DbContext per fetch (fetches of different loaders may run at the same time):
/// <code>
/// public sealed class ExerciseByIdDataLoader(IDbContextFactory&lt;WorkoutDb&gt; dbFactory) : BatchDataLoader&lt;string, Exercise&gt;
/// {
///     protected override async Task&lt;IReadOnlyDictionary&lt;string, Exercise&gt;&gt; FetchAsync(IReadOnlyList&lt;string&gt; ids, CancellationToken cancellationToken)
///     {
///         await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
///         return await db.Exercises.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
///     }
/// }
///
/// // In a graph type: return the pending result, do not await it.
/// Field&lt;ExerciseType&gt;("exercise").Resolve(context => context.GetDataLoader&lt;ExerciseByIdDataLoader&gt;().LoadAsync(context.Source.ExerciseId));
/// </code>
/// </example>
public abstract class BatchDataLoader<TKey, TValue> : DataLoaderBase<TKey, TValue?>
    where TKey : notnull
{
    protected BatchDataLoader(int maxBatchSize = int.MaxValue)
        : base(maxBatchSize)
    {
    }

    /// <summary>Fetches the values of distinct <paramref name="keys"/> in one round trip.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    private protected sealed override TValue? Missing => default;

    private protected sealed override async Task<IReadOnlyDictionary<TKey, TValue?>> FetchBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken) =>
        (await FetchAsync(keys, cancellationToken))!;
}
