using GraphQL.DataLoader;

namespace WorkoutTracker.Server.GraphQL.DataLoaders;

public static class DataLoaderResultExtensions
{
    /// <summary>
    /// Maps a pending result without awaiting it, so the field still batches. <paramref name="map"/> may
    /// return another pending result (load a session, then its athlete): GraphQL.NET resolves it on the
    /// next batching pass.
    /// </summary>
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> map) =>
        new Mapped<T, TResult>(result, map);

    private sealed class Mapped<T, TResult>(IDataLoaderResult<T> inner, Func<T, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await inner.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
