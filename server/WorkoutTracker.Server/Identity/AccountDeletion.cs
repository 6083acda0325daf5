using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.Data;

namespace WorkoutTracker.Server.Identity;

/// <summary>
/// Deletes an account and every row that names the user, in one transaction: the tables come from the EF model
/// (<see cref="UserOwnedTables"/>), so a table added later is covered as soon as it names the user. Rows that
/// hang off those rows (a session's sets) go by their foreign keys' cascades.
/// </summary>
public sealed partial class AccountDeletion(IDbContextFactory<WorkoutDb> dbFactory, AthleteVersionCache cache, ILogger<AccountDeletion> logger)
{
    public async Task DeleteAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        var deleted = await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var rows = 0;
            foreach (var (table, column) in UserOwnedTables.Of(db.Model))
            {
                // Names come from our own model, never from input; the id is a parameter.
#pragma warning disable EF1002
                rows += await db.Database.ExecuteSqlRawAsync($"DELETE FROM {table} WHERE \"{column}\" = {{0}}", [userId], ct);
#pragma warning restore EF1002
            }

            await transaction.CommitAsync(ct);
            return rows;
        }, cancellationToken);
        // This instance holds users' rows in memory: forget this one, so its still-valid access token is refused here at once.
        // (The event log cannot tell the other instances: it keeps no row naming a deleted user.)
        cache.ForgetProfile(userId);
        LogDeleted(logger, userId, deleted);
    }

    [LoggerMessage(LogLevel.Information, "Account {UserId} deleted with {Rows} rows naming it")]
    private static partial void LogDeleted(ILogger logger, Guid userId, int rows);
}
