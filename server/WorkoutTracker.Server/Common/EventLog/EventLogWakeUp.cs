using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;

namespace WorkoutTracker.Server.Common.EventLog;

/// <summary>
/// Tells every instance that the event log has new rows, after the writing transaction committed. The
/// local reader is woken at once, in memory; the other instances by a <c>NOTIFY</c> sent by this background
/// loop on its own, outside any write transaction, and coalesced: however many commits happen, at most one
/// NOTIFY leaves per <see cref="EventLogOptions.WakeUpInterval"/>. A lost NOTIFY (database restart, a
/// listener reconnecting) only delays delivery until the next periodic read.
/// </summary>
public sealed partial class EventLogWakeUp(NpgsqlDataSource dataSource, IOptions<EventLogOptions> options, ILogger<EventLogWakeUp> logger) : BackgroundService
{
    public const string Channel = "event_log";

    private readonly Channel<bool> _pending = System.Threading.Channels.Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Sent as the NOTIFY payload, so an instance can ignore its own wake-ups (it woke itself in memory).</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Raised in memory after every committed change that may have appended events.</summary>
    public event Action? Committed;

    /// <summary>
    /// Raised in memory, on the committing request, with the user whose data the change touched: in-memory
    /// caches of this instance forget that user's entries before the request answers (read-your-writes),
    /// without waiting for the log to be read.
    /// </summary>
    public event Action<Guid>? CommittedFor;

    /// <summary>Call after a commit that appended event rows, naming whose data changed. Never blocks, never throws.</summary>
    public void AfterCommit(Guid changed)
    {
        try
        {
            CommittedFor?.Invoke(changed);
        }
        catch (Exception ex)
        {
            LogObserverFailed(logger, ex);
        }

        Committed?.Invoke();
        _pending.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.WakeUpInterval;
        while (await _pending.Reader.WaitToReadAsync(stoppingToken))
        {
            _pending.Reader.TryRead(out _);
            try
            {
                await using var notify = dataSource.CreateCommand($"SELECT pg_notify('{Channel}', $1)");
                notify.Parameters.Add(new NpgsqlParameter { Value = InstanceId });
                await notify.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                LogNotifyFailed(logger, ex);
            }

            await Task.Delay(interval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An after-commit observer failed")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the event log wake-up; other instances read at their next poll")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception);
}
