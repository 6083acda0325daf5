using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace WorkoutTracker.Server.Common.EventLog;

/// <summary>
/// Versions behind ETags and other small facts read on every request (a coach's link to an athlete, the
/// signed-in user's row), known in memory on this instance and kept per athlete (or user). Values are
/// shared between requests: they must be immutable, or never changed by their readers. An entry is loaded on first use and
/// forgotten when the athlete's data changes:
/// <list type="bullet">
/// <item>at once, on the committing request, for a change made on this instance (<see cref="EventLogWakeUp.CommittedFor"/>);</item>
/// <item>when the event log brings an event of the athlete, for a change made on any instance.</item>
/// </list>
/// <para>
/// On any doubt the cache does not answer from memory: while the log reader is not following (its LISTEN
/// connection is down, so wake-ups may be lost, or its last read failed or is older than a few polls) every
/// read goes to the database, and whenever the reader reports a new doubt everything held is forgotten. A
/// load that raced with a change of the same athlete is used for its request but not kept: each athlete's
/// stripe has a generation that every change moves, and a load is stored only if it did not move meanwhile.
/// A restart starts empty.
/// </para>
/// </summary>
public sealed class AthleteVersionCache : IDisposable
{
    private const int Stripes = 1024;

    private static readonly Meter Meter = new("WorkoutTracker.VersionCache");
    private static readonly Counter<long> Hits = Meter.CreateCounter<long>("workouttracker.version_cache.hits");
    private static readonly Counter<long> Loads = Meter.CreateCounter<long>("workouttracker.version_cache.loads");

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, object>> _byAthlete = new();

    // Entries that only a profile change makes stale (the user's row): a logged set does not forget them.
    private readonly ConcurrentDictionary<Guid, object> _profiles = new();
    private readonly long[] _generations = new long[Stripes];
    private readonly long[] _profileGenerations = new long[Stripes];
    private readonly EventLogReader _reader;
    private readonly EventLogWakeUp _wakeUp;
    private readonly int _maxAthletes;
    private int _seenDoubts;

    public AthleteVersionCache(EventLogReader reader, EventLogWakeUp wakeUp, IOptions<EventLogOptions> options)
    {
        _reader = reader;
        _wakeUp = wakeUp;
        _maxAthletes = options.Value.MaxCachedAthletes;
        _seenDoubts = reader.DoubtCount;
        reader.EventRead += OnEvent;
        wakeUp.CommittedFor += Forget;
    }

    /// <summary>Athletes with entries held (for tests and metrics).</summary>
    public int Count => _byAthlete.Count;

    /// <summary>
    /// The value of <paramref name="key"/> for <paramref name="athleteId"/>: from memory when the cache is
    /// sure of it, else from <paramref name="load"/> (kept when nothing changed for the athlete meanwhile).
    /// A load that throws or finds nothing (null) is not kept.
    /// </summary>
    public async ValueTask<T?> GetOrLoadAsync<T>(Guid athleteId, string key, Func<CancellationToken, Task<T?>> load, CancellationToken cancellationToken)
        where T : class
    {
        var trusted = Trusted();
        if (trusted && _byAthlete.TryGetValue(athleteId, out var entries) && entries.TryGetValue(key, out var known) && known is T value)
        {
            Hits.Add(1);
            return value;
        }

        return await LoadAsync(athleteId, key, load, trusted, cancellationToken);
    }

    /// <summary>
    /// Like <see cref="GetOrLoadAsync{T}"/> for the one value per user that only a profile change makes stale
    /// (the user's row): forgotten by <see cref="ForgetProfile"/>, a <see cref="EventKind.ProfileUpdated"/>
    /// event, or a doubt, not by the athlete's other changes (a set logged every few seconds).
    /// </summary>
    public async ValueTask<T?> GetOrLoadProfileAsync<T>(Guid userId, Func<CancellationToken, Task<T?>> load, CancellationToken cancellationToken)
        where T : class
    {
        var trusted = Trusted();
        if (trusted && _profiles.TryGetValue(userId, out var known) && known is T value)
        {
            Hits.Add(1);
            return value;
        }

        var generation = Volatile.Read(ref _profileGenerations[StripeOf(userId)]);
        var doubts = _reader.DoubtCount;
        var loaded = await load(cancellationToken);
        Loads.Add(1);
        if (loaded is not null && trusted && Volatile.Read(ref _profileGenerations[StripeOf(userId)]) == generation && _reader.DoubtCount == doubts && _reader.IsFollowing)
        {
            if (_profiles.Count >= _maxAthletes)
            {
                _profiles.Clear();
            }

            _profiles[userId] = loaded;
            if (Volatile.Read(ref _profileGenerations[StripeOf(userId)]) != generation)
            {
                _profiles.TryRemove(userId, out _);
            }
        }

        return loaded;
    }

    /// <summary>Forgets the user's profile-bound entry (their profile or display name changed).</summary>
    public void ForgetProfile(Guid userId)
    {
        Interlocked.Increment(ref _profileGenerations[StripeOf(userId)]);
        _profiles.TryRemove(userId, out _);
    }

    private async Task<T?> LoadAsync<T>(Guid athleteId, string key, Func<CancellationToken, Task<T?>> load, bool trusted, CancellationToken cancellationToken)
        where T : class
    {
        var stripe = StripeOf(athleteId);
        var generation = Volatile.Read(ref _generations[stripe]);
        var doubts = _reader.DoubtCount;
        var value = await load(cancellationToken);
        Loads.Add(1);
        if (value is not null && trusted && Volatile.Read(ref _generations[stripe]) == generation && _reader.DoubtCount == doubts && _reader.IsFollowing)
        {
            if (_byAthlete.Count >= _maxAthletes)
            {
                // Bounded: a full cache starts over (entries cost one statement each to reload).
                _byAthlete.Clear();
            }

            _byAthlete.GetOrAdd(athleteId, _ => new ConcurrentDictionary<string, object>(StringComparer.Ordinal))[key] = value;

            // A change that landed between the check above and the store: drop what may be stale.
            if (Volatile.Read(ref _generations[stripe]) != generation)
            {
                _byAthlete.TryRemove(athleteId, out _);
            }
        }

        return value;
    }

    /// <summary>Forgets everything held for the athlete (their data changed).</summary>
    public void Forget(Guid athleteId)
    {
        Interlocked.Increment(ref _generations[StripeOf(athleteId)]);
        _byAthlete.TryRemove(athleteId, out _);
    }

    private void OnEvent(LiveEvent e)
    {
        Forget(e.AthleteId);
        if (e.Kind == EventKind.ProfileUpdated)
        {
            ForgetProfile(e.AthleteId);
        }

        if (e.CoachId is { } coach)
        {
            Forget(coach);
        }
    }

    /// <summary>Whether memory may answer: the reader follows the log and reported no doubt since the last look (else forget all).</summary>
    private bool Trusted()
    {
        var doubts = _reader.DoubtCount;
        if (doubts != Volatile.Read(ref _seenDoubts))
        {
            ForgetAll();
            Volatile.Write(ref _seenDoubts, doubts);
        }

        if (!_reader.IsFollowing)
        {
            if (!_byAthlete.IsEmpty || !_profiles.IsEmpty)
            {
                _byAthlete.Clear();
                _profiles.Clear();
            }

            return false;
        }

        return true;
    }

    private void ForgetAll()
    {
        for (var i = 0; i < Stripes; i++)
        {
            Interlocked.Increment(ref _generations[i]);
            Interlocked.Increment(ref _profileGenerations[i]);
        }

        _byAthlete.Clear();
        _profiles.Clear();
    }

    private static int StripeOf(Guid athleteId) => (athleteId.GetHashCode() & int.MaxValue) % Stripes;

    public void Dispose()
    {
        _wakeUp.CommittedFor -= Forget;
        _reader.EventRead -= OnEvent;
    }
}
