using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.EventLog;

/// <summary>
/// The reader of the event log against real concurrent transactions: ids come from a sequence, commits
/// come in another order, and the reader must still hand every row out once, in (xid, id) order.
/// </summary>
public sealed class EventLogReaderTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_row_that_commits_after_rows_with_larger_ids_is_still_delivered_first_and_once()
    {
        var (seen, subscription) = await WatchAsync();
        using var _ = subscription;
        var athlete = Guid.NewGuid();

        // Three writers insert in order (ids 1 < 2 < 3 among them) and commit in reverse order.
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        await using var third = await OpenAsync();
        var t1 = await first.BeginTransactionAsync();
        var id1 = await InsertAsync(first, t1, athlete);
        var t2 = await second.BeginTransactionAsync();
        var id2 = await InsertAsync(second, t2, athlete);
        var t3 = await third.BeginTransactionAsync();
        var id3 = await InsertAsync(third, t3, athlete);
        await t3.CommitAsync();
        await t2.CommitAsync();
        WakeReaders();
        await t1.CommitAsync();
        WakeReaders();

        var delivered = await WaitForAsync(seen, athlete, 3);
        Assert.Equal([id1, id2, id3], delivered.Select(e => e.Cursor.Id));
    }

    [Fact]
    public async Task Concurrent_writers_whose_commits_interleave_never_make_the_reader_skip_or_repeat_a_row()
    {
        var (seen, subscription) = await WatchAsync();
        using var _ = subscription;
        var athlete = Guid.NewGuid();
        const int writers = 8;
        const int rowsEach = 40;
        var written = new ConcurrentBag<long>();

        // Each writer holds its transaction open for a varying while after inserting, so commits land out of id order.
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            await using var connection = await OpenAsync();
            for (var i = 0; i < rowsEach; i++)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                written.Add(await InsertAsync(connection, transaction, athlete));
                await using (var hold = new NpgsqlCommand($"SELECT pg_sleep({random.Next(0, 8) / 1000.0:0.000})", connection, transaction))
                {
                    await hold.ExecuteNonQueryAsync();
                }

                await transaction.CommitAsync();
                WakeReaders();
            }
        })));

        var delivered = await WaitForAsync(seen, athlete, writers * rowsEach);
        Assert.Equal(written.Order(), delivered.Select(e => e.Cursor.Id).Order());
        Assert.Equal(delivered.Count, delivered.Select(e => e.Cursor).Distinct().Count());
        Assert.Equal(delivered.Select(e => e.Cursor).Order(), delivered.Select(e => e.Cursor));
    }

    [Fact]
    public async Task Pruning_deletes_only_rows_older_than_the_cutoff_and_keeps_a_suffix_of_the_log()
    {
        var athlete = Guid.NewGuid();
        await using var connection = await OpenAsync();
        await using (var old = new NpgsqlCommand(
            "INSERT INTO event_log (kind, athlete_id, occurred_at) VALUES ('SetLogged', $1, now() - interval '10 days'), ('SetLogged', $1, now() - interval '9 days')", connection))
        {
            old.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = athlete });
            await old.ExecuteNonQueryAsync();
        }

        var recent = await InsertAsync(connection, null, athlete);

        var pruned = await api.Services.GetRequiredService<EventLogPruning>().PruneAsync(DateTimeOffset.UtcNow.AddDays(-7), CancellationToken.None);

        Assert.True(pruned >= 2);
        await using var left = new NpgsqlCommand("SELECT id FROM event_log WHERE athlete_id = $1", connection) { Parameters = { new NpgsqlParameter<Guid> { TypedValue = athlete } } };
        Assert.Equal(recent, (long)(await left.ExecuteScalarAsync())!);
    }

    private async Task<(ConcurrentQueue<LiveEvent> Seen, IDisposable Subscription)> WatchAsync()
    {
        var reader = api.Services.GetRequiredService<EventLogReader>();
        await reader.Ready;
        var seen = new ConcurrentQueue<LiveEvent>();
        return (seen, reader.Subscribe(System.Reactive.Observer.Create<LiveEvent>(seen.Enqueue)));
    }

    private void WakeReaders() => api.Services.GetRequiredService<EventLogWakeUp>().AfterCommit(Guid.Empty);

    private static async Task<List<LiveEvent>> WaitForAsync(ConcurrentQueue<LiveEvent> seen, Guid athlete, int count)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (seen.Count(e => e.AthleteId == athlete) < count)
        {
            await Task.Delay(10, timeout.Token);
        }

        return [.. seen.Where(e => e.AthleteId == athlete)];
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<long> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid athlete)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO event_log (kind, athlete_id, session_id, occurred_at) VALUES ('SetLogged', $1, $1, now()) RETURNING id", connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = athlete });
        return (long)(await insert.ExecuteScalarAsync())!;
    }
}
