using GraphQL.DataLoader;

namespace WorkoutTracker.Server.GraphQL.DataLoaders;

/// <summary>
/// Collects keys into a batch and fetches the batch once, when the first of its results is awaited.
/// GraphQL.NET's execution strategy awaits <see cref="IDataLoaderResult"/> values only after every
/// resolver of the current level has run, so all keys asked for on one level share one fetch.
/// Results are cached per key for the life of the loader (one request or WebSocket operation, see
/// <see cref="DataLoaderContext"/>). Thread-safe: sibling resolvers may load concurrently.
/// </summary>
public abstract class DataLoaderBase<TKey, TResult>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Pending> _cache = [];
    private readonly int _maxBatchSize;
    private Batch? _open;

    /// <param name="maxBatchSize">Most keys one fetch receives; more keys on a level make more fetches.</param>
    protected DataLoaderBase(int maxBatchSize = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        _maxBatchSize = maxBatchSize;
    }

    /// <summary>The value for <paramref name="key"/>, fetched with the rest of its batch; return it from a resolver.</summary>
    public IDataLoaderResult<TResult> LoadAsync(TKey key)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var cached))
            {
                return cached;
            }

            if (_open is null || _open.Keys.Count >= _maxBatchSize)
            {
                _open = new Batch(this);
            }

            var pending = new Pending(_open, key);
            _open.Keys.Add(key);
            _cache.Add(key, pending);
            return pending;
        }
    }

    /// <summary>The values for <paramref name="keys"/>, in order.</summary>
    public IDataLoaderResult<TResult[]> LoadAsync(IEnumerable<TKey> keys) =>
        new Many([.. keys.Select(LoadAsync)]);

    /// <summary>Fetches one batch: distinct keys in, a value for each key found out.</summary>
    private protected abstract Task<IReadOnlyDictionary<TKey, TResult>> FetchBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    /// <summary>The value of a key the fetch did not return.</summary>
    private protected abstract TResult Missing { get; }

    private void Forget(Batch failed)
    {
        // A failed batch is not cached: a later load of the same key tries again.
        lock (_gate)
        {
            foreach (var key in failed.Keys)
            {
                if (_cache.TryGetValue(key, out var pending) && pending.Batch == failed)
                {
                    _cache.Remove(key);
                }
            }
        }
    }

    private sealed class Batch(DataLoaderBase<TKey, TResult> loader)
    {
        private readonly TaskCompletionSource<IReadOnlyDictionary<TKey, TResult>> _values = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _dispatched;

        public List<TKey> Keys { get; } = [];

        public TResult Missing => loader.Missing;

        /// <summary>Starts the fetch on the first call (with that caller's token); every call shares its outcome.</summary>
        public Task<IReadOnlyDictionary<TKey, TResult>> GetValuesAsync(CancellationToken cancellationToken)
        {
            bool start;
            lock (loader._gate)
            {
                start = !_dispatched;
                _dispatched = true;
                if (start && loader._open == this)
                {
                    loader._open = null; // keys loaded from now on go to a new batch
                }
            }

            if (start)
            {
                _ = FetchAsync(cancellationToken); // never throws: the outcome goes to _values
            }

            return _values.Task.WaitAsync(cancellationToken);
        }

        private async Task FetchAsync(CancellationToken cancellationToken)
        {
            try
            {
                _values.TrySetResult(await loader.FetchBatchAsync(Keys, cancellationToken));
            }
            catch (OperationCanceledException ex)
            {
                loader.Forget(this);
                _values.TrySetCanceled(ex.CancellationToken);
            }
            catch (Exception ex)
            {
                loader.Forget(this);
                _values.TrySetException(ex);
            }
        }
    }

    private sealed class Pending(Batch batch, TKey key) : IDataLoaderResult<TResult>
    {
        public Batch Batch => batch;

        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await batch.GetValuesAsync(cancellationToken);
            return values.TryGetValue(key, out var value) ? value : batch.Missing;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }

    private sealed class Many(IDataLoaderResult<TResult>[] results) : IDataLoaderResult<TResult[]>
    {
        public async Task<TResult[]> GetResultAsync(CancellationToken cancellationToken = default) =>
            await Task.WhenAll(results.Select(r => r.GetResultAsync(cancellationToken)));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
