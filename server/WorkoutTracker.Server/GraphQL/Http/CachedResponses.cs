using Microsoft.Extensions.Options;

namespace WorkoutTracker.Server.GraphQL.Http;

/// <summary>
/// The serialized answers of cacheable GET requests (those with an entity tag), kept per instance and
/// written again as they are while the tag holds: the first request pays for execution and serialization,
/// the next ones copy bytes. Keyed by (partition, entity tag, media type): the partition is whose answer it
/// is (<see cref="IEntityTagProvider.PartitionOf"/>), so an answer is never served to another caller, and a
/// changed tag is another key, so a changed answer is never served stale. Bounded in bytes
/// (<see cref="GraphQLEndpointOptions.ResponseCacheBytes"/>), least recently used out first.
/// </summary>
public sealed class CachedResponses(IOptions<GraphQLEndpointOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Key, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new();
    private readonly long _capacity = options.Value.ResponseCacheBytes;
    private long _bytes;

    public long Bytes => Volatile.Read(ref _bytes);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public bool IsEnabled => _capacity > 0;

    public bool TryGet(string partition, string entityTag, string mediaType, out byte[] body)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(new Key(partition, entityTag, mediaType), out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                body = node.Value.Body;
                return true;
            }
        }

        body = [];
        return false;
    }

    public void Set(string partition, string entityTag, string mediaType, byte[] body)
    {
        if (body.Length > _capacity / 4)
        {
            return;
        }

        var key = new Key(partition, entityTag, mediaType);
        lock (_gate)
        {
            if (_entries.Remove(key, out var existing))
            {
                _recency.Remove(existing);
                _bytes -= existing.Value.Body.Length;
            }

            _entries[key] = _recency.AddFirst(new Entry(key, body));
            _bytes += body.Length;
            while (_bytes > _capacity && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
                _bytes -= oldest.Value.Body.Length;
            }
        }
    }

    private readonly record struct Key(string Partition, string EntityTag, string MediaType);

    private sealed record Entry(Key Key, byte[] Body);
}
