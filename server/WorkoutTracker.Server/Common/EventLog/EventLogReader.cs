using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace WorkoutTracker.Server.Common.EventLog;

/// <summary>
/// Reads the event log, in order, from its position, and hands each event to its subscribers: live
/// GraphQL subscriptions today, any in-memory cache that follows the log tomorrow (subscribe an
/// <see cref="IObserver{T}"/>; observers must be quick, e.g. write to a channel).
/// <para>
/// <b>Why rows are read by transaction, not by id.</b> A row's id comes from a sequence when it is
/// inserted, but rows commit in another order: a reader that remembered "the last id I saw" would skip a
/// row that commits after a larger id was read. Each row also holds its transaction's id (<c>xid8</c>,
/// <c>pg_current_xact_id()</c>); the reader reads only rows whose transaction is older than every write
/// transaction still running in this database (the <i>horizon</i>: the smallest in-progress xid of the
/// statement's own snapshot, ignoring transactions of other databases, which cannot write here; or the
/// snapshot's <c>xmax</c> when none runs). Every transaction below the horizon has ended, and any later
/// transaction gets a larger xid, so the set of rows below it is final: reading them in (xid, id) order
/// and moving the cursor past them never skips a row. A row committed above the horizon waits until the
/// transactions before it end (the reader then re-reads quickly); a long-running write transaction in
/// this database delays delivery, it never loses an event.
/// </para>
/// <para>
/// <b>When it reads.</b> When a local commit woke it (<see cref="EventLogWakeUp"/>), when another
/// instance's NOTIFY arrives on its LISTEN connection, after that connection (re)connects, and every
/// <see cref="EventLogOptions.PollInterval"/> in any case. The position lives in memory: a listener that
/// reconnects, or a database that restarts, delays events but the next read delivers all of them.
/// </para>
/// </summary>
public sealed partial class EventLogReader(NpgsqlDataSource dataSource, EventLogWakeUp wakeUp, IOptions<EventLogOptions> options, ILogger<EventLogReader> logger)
    : BackgroundService, IObservable<LiveEvent>
{
    /// <summary>
    /// The horizon of the statement's snapshot: its smallest running xid that is not known to belong to
    /// another database (unknown ones count, to be safe), else its xmax.
    /// </summary>
    internal const string HorizonSql = """
        SELECT LEAST(pg_snapshot_xmax(s.snap), (
                   SELECT min(x) FROM pg_snapshot_xip(s.snap) AS x
                   WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity a
                                     WHERE a.backend_xid = x::xid AND a.datname IS DISTINCT FROM current_database()))) AS h
        FROM (SELECT pg_current_snapshot() AS snap) AS s
        """;

    internal const string Columns = "e.xid, e.id, e.kind, e.athlete_id, e.session_id, e.set_id, e.session_version, e.body_map_week_start, e.body_map_version, e.coach_id, e.occurred_at";

    private const int BatchSize = 500;

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private IObserver<LiveEvent>[] _observers = [];
    private EventCursor _position;

    /// <summary>Completes once the reader knows its starting position: subscriptions replay only after it.</summary>
    public Task Ready => _ready.Task;

    /// <summary>Completes once the first LISTEN is in place.</summary>
    public Task Listening => _listening.Task;

    /// <summary>The last event read (or the starting horizon).</summary>
    public EventCursor Position => _position;

    public int SubscriberCount => Volatile.Read(ref _observers).Length;

    /// <summary>
    /// Raised for every event read, before subscribers get it: for in-memory caches that follow the log
    /// (<see cref="AthleteVersionCache"/>). Handlers must be quick and not throw.
    /// </summary>
    public event Action<LiveEvent>? EventRead;

    /// <summary>Times this instance's LISTEN connection was (re)established; tests wait on it after a restart.</summary>
    public int ListenCount => Volatile.Read(ref _listenCount);

    /// <summary>
    /// Times the reader lost its certainty of being current: the LISTEN connection dropped (wake-ups may be
    /// lost) or a read failed. In-memory caches that follow the log forget what they hold when it moves.
    /// </summary>
    public int DoubtCount => Volatile.Read(ref _doubtCount);

    /// <summary>
    /// Whether what the log holds reaches this instance promptly: listening for wake-ups, and the last read
    /// (they happen at least every <see cref="EventLogOptions.PollInterval"/>) succeeded recently. A cache that
    /// follows the log trusts itself only while this holds, and reads the database otherwise.
    /// </summary>
    public bool IsFollowing =>
        Volatile.Read(ref _listeningNow) && _ready.Task.IsCompleted &&
        Stopwatch.GetElapsedTime(Volatile.Read(ref _lastReadTimestamp)) < options.Value.PollInterval * 3;

    private int _listenCount;
    private int _doubtCount;
    private bool _listeningNow;
    private long _lastReadTimestamp;

    public IDisposable Subscribe(IObserver<LiveEvent> observer)
    {
        lock (_gate)
        {
            _observers = [.. _observers, observer];
        }

        return new Unsubscriber(this, observer);
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        wakeUp.Committed += Wake;
        return base.StartAsync(cancellationToken);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        wakeUp.Committed -= Wake;
        return base.StopAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Task.Run(() => ListenAsync(stoppingToken), stoppingToken), Task.Run(() => ReadLoopAsync(stoppingToken), stoppingToken));

    private void Wake() => _wake.Writer.TryWrite(true);

    private async Task ReadLoopAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.PollInterval;
        var retry = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!_ready.Task.IsCompleted)
                {
                    _position = new EventCursor(await CurrentHorizonAsync(stoppingToken), 0);
                    _ready.TrySetResult();
                }

                var pending = await ReadNewAsync(stoppingToken);
                Volatile.Write(ref _lastReadTimestamp, Stopwatch.GetTimestamp());

                // Rows committed above the horizon wait for older transactions: look again soon, not at the next poll.
                retry = pending ? TimeSpan.FromMilliseconds(Math.Clamp(retry.TotalMilliseconds * 2, 1, 100)) : TimeSpan.Zero;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogReadFailed(logger, ex);
                Interlocked.Increment(ref _doubtCount);
                retry = TimeSpan.FromMilliseconds(Math.Clamp(retry.TotalMilliseconds * 2, 200, 5_000));
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(retry > TimeSpan.Zero ? retry : poll);
            try
            {
                await _wake.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // the timer: read anyway
            }
        }
    }

    /// <summary>Reads and publishes every final row after the position; true when committed rows wait above the horizon.</summary>
    private async Task<bool> ReadNewAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var command = dataSource.CreateCommand($"""
                WITH horizon AS ({HorizonSql})
                SELECT EXISTS (SELECT 1 FROM event_log p WHERE (p.xid, p.id) > ($1, $2) AND p.xid >= horizon.h) AS pending, {Columns}
                FROM horizon
                LEFT JOIN LATERAL (
                    SELECT * FROM event_log
                    WHERE (xid, id) > ($1, $2) AND xid < horizon.h
                    ORDER BY xid, id
                    LIMIT $3) AS e ON true
                ORDER BY e.xid, e.id
                """);
            command.Parameters.Add(new NpgsqlParameter<ulong> { NpgsqlDbType = NpgsqlDbType.Xid8, TypedValue = _position.TransactionId });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = _position.Id });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = BatchSize });
            var pending = false;
            var read = 0;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    pending = reader.GetBoolean(0);
                    if (reader.IsDBNull(1))
                    {
                        continue;
                    }

                    var entry = Read(reader, offset: 1);
                    _position = entry.Cursor;
                    read++;
                    Publish(entry);
                }
            }

            if (read < BatchSize)
            {
                return pending;
            }
        }
    }

    private async Task<ulong> CurrentHorizonAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(HorizonSql);
        return (ulong)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    internal static LiveEvent Read(NpgsqlDataReader reader, int offset) => new(
        new EventCursor(reader.GetFieldValue<ulong>(offset), reader.GetInt64(offset + 1)),
        Enum.Parse<EventKind>(reader.GetString(offset + 2)),
        reader.GetGuid(offset + 3),
        reader.IsDBNull(offset + 4) ? null : reader.GetGuid(offset + 4),
        reader.IsDBNull(offset + 5) ? null : reader.GetGuid(offset + 5),
        reader.IsDBNull(offset + 6) ? null : reader.GetInt32(offset + 6),
        reader.IsDBNull(offset + 7) ? null : reader.GetFieldValue<DateOnly>(offset + 7),
        reader.IsDBNull(offset + 8) ? null : reader.GetInt32(offset + 8),
        reader.IsDBNull(offset + 9) ? null : reader.GetGuid(offset + 9),
        reader.GetFieldValue<DateTimeOffset>(offset + 10));

    private void Publish(LiveEvent entry)
    {
        try
        {
            EventRead?.Invoke(entry);
        }
        catch (Exception ex)
        {
            LogObserverFailed(logger, ex);
        }

        foreach (var observer in Volatile.Read(ref _observers))
        {
            try
            {
                observer.OnNext(entry);
            }
            catch (Exception ex)
            {
                LogObserverFailed(logger, ex);
            }
        }
    }

    /// <summary>LISTENs for other instances' wake-ups; every (re)connect triggers a read, which catches up on whatever was missed.</summary>
    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, args) =>
                {
                    if (args.Payload != wakeUp.InstanceId)
                    {
                        Wake();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {EventLogWakeUp.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                LogListening(logger);
                Volatile.Write(ref _listeningNow, true);
                Interlocked.Increment(ref _listenCount);
                _listening.TrySetResult();
                Wake();
                delay = TimeSpan.FromMilliseconds(100);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                Volatile.Write(ref _listeningNow, false);
                Interlocked.Increment(ref _doubtCount);
                LogConnectionLost(logger, ex, delay);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5_000));
            }
        }
    }

    private void Remove(IObserver<LiveEvent> observer)
    {
        lock (_gate)
        {
            _observers = [.. _observers.Where(o => !ReferenceEquals(o, observer))];
        }
    }

    private sealed class Unsubscriber(EventLogReader reader, IObserver<LiveEvent> observer) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                reader.Remove(observer);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for event log wake-ups")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event log wake-up connection lost; reconnecting in {Delay}")]
    private static partial void LogConnectionLost(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the event log failed; retrying")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "An event log subscriber failed")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception);
}
