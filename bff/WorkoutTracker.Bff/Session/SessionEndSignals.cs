using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace WorkoutTracker.Bff.Session;

/// <summary>
/// Tells every BFF instance that a session ended (logout, a refresh that cannot go on), so WebSockets
/// relayed for it close at once wherever they are: a <c>NOTIFY</c> after the session row is deleted
/// (never inside a write transaction), heard by a <c>LISTEN</c> connection in each instance. The payload
/// is a hash of the session key, never the key. A notification lost while an instance reconnects is
/// covered by the relay's periodic session check (<see cref="SessionOptions.WebSocketCheckInterval"/>).
/// </summary>
public sealed partial class SessionEndSignals(NpgsqlDataSource dataSource, ILogger<SessionEndSignals> logger) : BackgroundService
{
    public const string Channel = "bff_session_ended";

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Action, byte>> _watchers = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place.</summary>
    public Task Listening => _listening.Task;

    /// <summary>Calls <paramref name="ended"/> (once or more) when the session ends on any instance; dispose to stop watching.</summary>
    public IDisposable Watch(string sessionKey, Action ended)
    {
        var hash = HashOf(sessionKey);
        _watchers.GetOrAdd(hash, _ => new()).TryAdd(ended, 0);
        return new Watcher(this, hash, ended);
    }

    /// <summary>Announces that the session ended. Best effort: the periodic checks cover a failure.</summary>
    public async Task AnnounceAsync(string sessionKey)
    {
        var hash = HashOf(sessionKey);
        Signal(hash); // this instance at once, whatever the database says
        try
        {
            await using var notify = dataSource.CreateCommand($"SELECT pg_notify('{Channel}', $1)");
            notify.Parameters.Add(new NpgsqlParameter { Value = hash });
            await notify.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
        {
            LogAnnounceFailed(logger, ex);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, args) => Signal(args.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

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

    private void Signal(string hash)
    {
        if (_watchers.TryGetValue(hash, out var watchers))
        {
            foreach (var ended in watchers.Keys)
            {
                ended();
            }
        }
    }

    private static string HashOf(string sessionKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sessionKey)));

    private sealed class Watcher(SessionEndSignals signals, string hash, Action ended) : IDisposable
    {
        public void Dispose()
        {
            if (signals._watchers.TryGetValue(hash, out var watchers))
            {
                watchers.TryRemove(ended, out _);
                if (watchers.IsEmpty)
                {
                    signals._watchers.TryRemove(KeyValuePair.Create(hash, watchers));
                }
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not announce a session's end; other instances notice it at their next check")]
    private static partial void LogAnnounceFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Session-end connection lost; reconnecting in {Delay}")]
    private static partial void LogConnectionLost(ILogger logger, Exception exception, TimeSpan delay);
}
