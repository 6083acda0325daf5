using Microsoft.Extensions.Options;

namespace WorkoutTracker.Server.Common.Idempotency;

/// <summary>How long idempotency records are kept (section <c>Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>Long enough for a phone that was offline to come back and retry (default 30 days).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Deletes idempotency records older than the retention, once per interval.</summary>
public sealed partial class IdempotencyPruning(
    IdempotentMutations mutations,
    IOptions<IdempotencyOptions> options,
    TimeProvider clock,
    ILogger<IdempotencyPruning> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PruneInterval, clock);
        do
        {
            try
            {
                var pruned = await mutations.PruneAsync(clock.GetUtcNow() - options.Value.Retention, stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} idempotency record(s)")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning idempotency records failed; will retry")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
