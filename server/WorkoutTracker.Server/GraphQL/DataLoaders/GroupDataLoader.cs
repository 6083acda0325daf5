namespace WorkoutTracker.Server.GraphQL.DataLoaders;

/// <summary>
/// Loads the values belonging to each key (one-to-many): all keys asked for on an execution level go
/// to one <see cref="FetchAsync"/>; a key without values resolves to an empty list.
/// </summary>
/// <example>
/// <code>
/// public sealed class SetsBySessionIdDataLoader(IDbContextFactory&lt;WorkoutDb&gt; dbFactory) : GroupDataLoader&lt;Guid, LoggedSet&gt;
/// {
///     protected override async Task&lt;ILookup&lt;Guid, LoggedSet&gt;&gt; FetchAsync(IReadOnlyList&lt;Guid&gt; sessionIds, CancellationToken cancellationToken)
///     {
///         await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
///         var sets = await db.Sets.AsNoTracking().Where(s => sessionIds.Contains(s.SessionId)).OrderBy(s => s.Order).ToListAsync(cancellationToken);
///         return sets.ToLookup(s => s.SessionId);
///     }
/// }
/// </code>
/// </example>
public abstract class GroupDataLoader<TKey, TValue> : DataLoaderBase<TKey, IReadOnlyList<TValue>>
    where TKey : notnull
{
    protected GroupDataLoader(int maxBatchSize = int.MaxValue)
        : base(maxBatchSize)
    {
    }

    /// <summary>Fetches the values of distinct <paramref name="keys"/> in one round trip, grouped by key.</summary>
    protected abstract Task<ILookup<TKey, TValue>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    private protected sealed override IReadOnlyList<TValue> Missing => [];

    private protected sealed override async Task<IReadOnlyDictionary<TKey, IReadOnlyList<TValue>>> FetchBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        var lookup = await FetchAsync(keys, cancellationToken);
        return lookup.ToDictionary(group => group.Key, IReadOnlyList<TValue> (group) => [.. group]);
    }
}
