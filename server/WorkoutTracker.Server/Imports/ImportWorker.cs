using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using WorkoutTracker.Server.Data;

namespace WorkoutTracker.Server.Imports;

/// <summary>Wakes this instance's <see cref="ImportWorker"/> when an import is confirmed here.</summary>
public sealed class ImportSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _channel.Writer.TryWrite(true);

    internal ChannelReader<bool> Reader => _channel.Reader;
}

/// <summary>
/// Takes queued imports, and running ones whose lease ran out (their worker stopped), one at a time,
/// claiming each with <c>FOR UPDATE SKIP LOCKED</c> so two instances never run the same job. Woken at once
/// by a confirmation on this instance, and every <see cref="ImportOptions.PollInterval"/> otherwise (a
/// confirmation on another instance, a restart). A job that fails for a reason a retry cannot mend is
/// marked failed with the reason; a lost connection leaves it to be taken up again.
/// </summary>
public sealed partial class ImportWorker(
    IDbContextFactory<WorkoutDb> dbFactory,
    ImportRunner runner,
    ImportSignal signal,
    IOptions<ImportOptions> options,
    TimeProvider clock,
    ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunJobs)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ClaimAsync(stoppingToken) is { } importId)
                {
                    await RunAsync(importId, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogClaimFailed(logger, ex);
            }

            using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            poll.CancelAfter(options.Value.PollInterval);
            try
            {
                await signal.Reader.ReadAsync(poll.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
            }
        }
    }

    private async Task<Guid?> ClaimAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var leaseUntil = now + options.Value.Lease;
        var claimed = await db.Database.SqlQuery<Guid>($"""
            UPDATE history_imports SET status = 'Running', lease_until = {leaseUntil}, updated_at = {now}
            WHERE id = (
                SELECT id FROM history_imports
                WHERE status = 'Queued' OR (status = 'Running' AND lease_until < {now})
                ORDER BY created_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        return claimed is [var id] ? id : null;
    }

    private async Task RunAsync(Guid importId, CancellationToken ct)
    {
        try
        {
            await runner.RunAsync(importId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !IsTransient(ex))
        {
            LogFailed(logger, ex, importId);
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await db.HistoryImports.Where(i => i.Id == importId).ExecuteUpdateAsync(
                i => i.SetProperty(x => x.Status, ImportStatus.Failed)
                    .SetProperty(x => x.Error, ex is ImportFileException ? ex.Message : "The import stopped on an unexpected error; upload the file again.")
                    .SetProperty(x => x.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(x => x.UpdatedAt, clock.GetUtcNow()),
                CancellationToken.None);
        }
    }

    private static bool IsTransient(Exception ex) =>
        ex is NpgsqlException { IsTransient: true } || ex.InnerException is NpgsqlException { IsTransient: true } || ex is TimeoutException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for import jobs failed; will look again")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {ImportId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid importId);
}
