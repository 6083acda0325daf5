using Npgsql;

namespace WorkoutTracker.Server.Sessions;

/// <summary>
/// Holds one PostgreSQL connection that <c>LISTEN</c>s on the session event channel and hands each
/// notification to the <see cref="SessionEventHub"/>. Reconnects with backoff when the connection drops
/// (a database restart, a network blip); events committed while it was away are not replayed, which
/// live views tolerate by refetching on reconnect.
/// </summary>
public sealed partial class SessionEventListener(
    NpgsqlDataSource dataSource,
    SessionEventHub hub,
    ILogger<SessionEventListener> logger) : BackgroundService
{
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (tests wait on it before publishing).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {SessionEventChannel.Name}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                LogListening(logger, SessionEventChannel.Name);
                _listening.TrySetResult();
                delay = TimeSpan.FromMilliseconds(200);
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
                LogConnectionLost(logger, ex, delay);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 10_000));
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs args)
    {
        if (SessionEventChannel.Parse(args.Payload) is { } notice)
        {
            hub.Publish(notice);
        }
        else
        {
            LogBadPayload(logger, args.Payload);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for session events on channel {Channel}")]
    private static partial void LogListening(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session event connection lost; reconnecting in {Delay}")]
    private static partial void LogConnectionLost(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a malformed session event: {Payload}")]
    private static partial void LogBadPayload(ILogger logger, string payload);
}
