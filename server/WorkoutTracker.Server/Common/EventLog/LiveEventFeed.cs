using System.Reactive.Linq;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace WorkoutTracker.Server.Common.EventLog;

/// <summary>
/// One subscription's events: what it missed since its cursor, then what happens next, with no gap and
/// no duplicate, until its access is revoked.
/// <para>
/// The order of steps is what makes it gapless. (1) It starts listening to <see cref="EventLogReader"/>
/// (buffering), whose position is then some P. (2) It runs the access check, which yields the scope.
/// (3) It replays, in one snapshot, the final rows after the cursor: every row up to P was final when the
/// reader read it, so the replay covers everything up to P and the live buffer everything after it.
/// (4) It sends the buffer and then live events, skipping any at or before the last cursor it sent.
/// </para>
/// <para>
/// A coach's access rests on a link: a <see cref="EventKind.CoachLinkEnded"/> for it ends the stream with
/// FORBIDDEN (on every instance, since it comes through the log). The link events are not replayed: the
/// access check of step 2 already judged the links as they are.
/// </para>
/// </summary>
public sealed class LiveEventFeed(EventLogReader reader, NpgsqlDataSource dataSource, IOptions<EventLogOptions> options)
{
    public IObservable<LiveEvent> Follow(EventCursor? after, Func<CancellationToken, Task<EventScope>> authorize) =>
        Observable.Create<LiveEvent>(async (observer, cancellationToken) =>
        {
            await reader.Ready.WaitAsync(cancellationToken);
            var limit = options.Value.MaxBufferedEvents;
            var buffer = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(limit) { SingleReader = true, SingleWriter = true });
            EventScope? scope = null;
            using var live = reader.Subscribe(System.Reactive.Observer.Create<LiveEvent>(e =>
            {
                var known = Volatile.Read(ref scope);
                if ((known is null || known.Includes(e) || known.Revokes(e)) && !buffer.Writer.TryWrite(e))
                {
                    buffer.Writer.TryComplete(new CursorExpiredException(
                        $"The subscriber fell more than {limit} events behind; resume with the last cursor it received."));
                }
            }));

            var granted = await authorize(cancellationToken);
            Volatile.Write(ref scope, granted);
            var last = after;
            if (after is { } cursor)
            {
                foreach (var e in await ReplayAsync(cursor, granted, cancellationToken))
                {
                    observer.OnNext(e);
                    last = e.Cursor;
                }
            }

            try
            {
                await foreach (var e in buffer.Reader.ReadAllAsync(cancellationToken))
                {
                    if (last is { } sent && e.Cursor <= sent)
                    {
                        continue;
                    }

                    if (granted.Revokes(e))
                    {
                        throw new ForbiddenException("The coach link this subscription relied on has ended.");
                    }

                    if (granted.Includes(e))
                    {
                        observer.OnNext(e);
                        last = e.Cursor;
                    }
                }
            }
            catch (ChannelClosedException closed) when (closed.InnerException is { } reason)
            {
                throw reason;
            }
        });

    /// <summary>
    /// The scope's events after <paramref name="after"/>, read in one snapshot (REPEATABLE READ) with the
    /// check that the cursor's own row is still in the log: if it was pruned, so may be what followed it.
    /// </summary>
    private async Task<IReadOnlyList<LiveEvent>> ReplayAsync(EventCursor after, EventScope scope, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxReplayEvents;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT EXISTS (SELECT 1 FROM event_log WHERE xid = $1 AND id = $2)")
                {
                    Parameters = { Xid8(after.TransactionId), new NpgsqlParameter<long> { TypedValue = after.Id } },
                },
                new NpgsqlBatchCommand($"""
                    WITH horizon AS ({EventLogReader.HorizonSql})
                    SELECT {EventLogReader.Columns}
                    FROM event_log e, horizon
                    WHERE (e.xid, e.id) > ($1, $2) AND e.xid < horizon.h AND e.kind IN ('SetLogged', 'SetUpdated', 'SetDeleted', 'SessionFinished')
                      AND ($3::uuid IS NULL OR e.session_id = $3) AND e.athlete_id = ANY($4)
                    ORDER BY e.xid, e.id
                    LIMIT $5
                    """)
                {
                    Parameters =
                    {
                        Xid8(after.TransactionId),
                        new NpgsqlParameter<long> { TypedValue = after.Id },
                        new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = (object?)scope.SessionId ?? DBNull.Value },
                        new NpgsqlParameter<Guid[]> { TypedValue = [.. scope.AthleteIds] },
                        new NpgsqlParameter<int> { TypedValue = max + 1 },
                    },
                },
            },
        };

        await using var rows = await batch.ExecuteReaderAsync(cancellationToken);
        await rows.ReadAsync(cancellationToken);
        if (!rows.GetBoolean(0))
        {
            throw new CursorExpiredException(
                $"The cursor's event is no longer in the event log (events are kept {options.Value.Retention.TotalDays:0.#} days); fetch the current state and subscribe without 'after'.");
        }

        await rows.NextResultAsync(cancellationToken);
        var events = new List<LiveEvent>();
        while (await rows.ReadAsync(cancellationToken))
        {
            events.Add(EventLogReader.Read(rows, offset: 0));
        }

        return events.Count <= max
            ? events
            : throw new CursorExpiredException($"More than {max} events happened after the cursor; fetch the current state and subscribe without 'after'.");
    }

    private static NpgsqlParameter<ulong> Xid8(ulong value) => new() { NpgsqlDbType = NpgsqlDbType.Xid8, TypedValue = value };
}
