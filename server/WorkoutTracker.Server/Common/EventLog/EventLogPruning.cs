using Microsoft.Extensions.Options;
using Npgsql;

namespace WorkoutTracker.Server.Common.EventLog;

/// <summary>
/// Deletes events older than <see cref="EventLogOptions.Retention"/>, once per interval. It deletes a prefix
/// of the log in (xid, id) order (every final row up to the newest old one), in batches, so what is kept is
/// always everything after some cursor: a subscriber whose cursor's row still exists has nothing missing after it.
/// </summary>
public sealed partial class EventLogPruning(
    NpgsqlDataSource dataSource,
    IOptions<EventLogOptions> options,
    TimeProvider clock,
    ILogger<EventLogPruning> logger) : BackgroundService
{
    private const int BatchSize = 5_000;

    /// <summary>Deletes the events before the last final one that occurred before <paramref name="cutoff"/>; returns how many.</summary>
    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var delete = dataSource.CreateCommand($"""
                WITH horizon AS ({EventLogReader.HorizonSql}),
                boundary AS (
                    SELECT e.xid, e.id FROM event_log e, horizon
                    WHERE e.occurred_at < $1 AND e.xid < horizon.h
                    ORDER BY e.xid DESC, e.id DESC
                    LIMIT 1)
                DELETE FROM event_log WHERE id IN (
                    SELECT e.id FROM event_log e, boundary b
                    WHERE (e.xid, e.id) <= (b.xid, b.id)
                    ORDER BY e.xid, e.id
                    LIMIT $2)
                """);
            delete.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = cutoff });
            delete.Parameters.Add(new NpgsqlParameter<int> { TypedValue = BatchSize });
            var deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted < BatchSize)
            {
                return total;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PruneInterval, clock);
        do
        {
            try
            {
                var pruned = await PruneAsync(clock.GetUtcNow() - options.Value.Retention, stoppingToken);
                if (pruned > 0)
                {
                    LogPruned(logger, pruned);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} event log row(s)")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning the event log failed; will retry")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
