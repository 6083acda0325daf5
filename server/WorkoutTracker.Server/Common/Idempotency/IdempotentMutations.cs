using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.Data;

namespace WorkoutTracker.Server.Common.Idempotency;

/// <summary>What an idempotent mutation produced, and whether it was a replay of an earlier call.</summary>
public sealed record Idempotent<TResult>(TResult Result, bool Replayed);

/// <summary>What a one-statement mutation answered: its result (the first one, for a replay), or a conflict.</summary>
public sealed record StatementOutcome<TResult>(TResult? Result, bool Replayed, bool Conflict);

/// <summary>
/// Runs a mutation at most once per (user, clientMutationId).
/// <para>
/// The record is inserted first, in the mutation's own transaction, with <c>ON CONFLICT DO NOTHING</c>.
/// PostgreSQL makes a concurrent insert of the same key wait for the first transaction: if that one
/// commits, this insert does nothing and the call becomes a replay, reading the committed record; if it
/// rolls back, this call goes ahead. So fifty identical concurrent calls write one change, and a call
/// that fails (a validation error) leaves no record behind.
/// </para>
/// <list type="bullet">
/// <item>same id, same operation and input → the first result, <c>replayed: true</c>, nothing written;</item>
/// <item>same id, different input or operation → <see cref="IdempotencyConflictException"/>, nothing written;</item>
/// <item>ids are per user: another user's record never matches.</item>
/// </list>
/// </summary>
public sealed class IdempotentMutations(IDbContextFactory<WorkoutDb> dbFactory, EventLogWakeUp wakeUp)
{
    public const int MaxClientMutationIdLength = 100;

    private static readonly JsonSerializerOptions FingerprintJson = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <param name="userId">Whose mutation this is; ids are scoped to the user.</param>
    /// <param name="clientMutationId">The id the client made once for this change.</param>
    /// <param name="operation">The mutation's name; the same id may not be reused for another mutation.</param>
    /// <param name="normalizedInput">The input without its clientMutationId, normalized (trimmed, rounded) so equal intents compare equal.</param>
    /// <param name="apply">Makes the change in the given context and transaction; returns the result and its id.</param>
    /// <param name="replay">Loads the result of the first execution from its id.</param>
    public async Task<Idempotent<TResult>> RunAsync<TInput, TResult>(
        Guid userId,
        string clientMutationId,
        string operation,
        TInput normalizedInput,
        Func<WorkoutDb, CancellationToken, Task<(TResult Result, string ResultId)>> apply,
        Func<WorkoutDb, string?, CancellationToken, Task<TResult>> replay,
        CancellationToken cancellationToken)
    {
        ValidateId(clientMutationId);
        var fingerprint = Fingerprint(normalizedInput);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // A failed step rolls the whole transaction back, so SaveChanges needs no savepoints of its own.
        db.Database.AutoSavepointsEnabled = false;
        var claimed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO idempotency_records (user_id, client_mutation_id, operation, fingerprint)
            VALUES ({userId}, {clientMutationId}, {operation}, {fingerprint})
            ON CONFLICT (user_id, client_mutation_id) DO NOTHING
            """, cancellationToken);

        if (claimed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            var record = await db.IdempotencyRecords.AsNoTracking()
                .SingleAsync(r => r.UserId == userId && r.ClientMutationId == clientMutationId, cancellationToken);
            if (record.Operation != operation || record.Fingerprint != fingerprint)
            {
                throw new IdempotencyConflictException(clientMutationId);
            }

            return new Idempotent<TResult>(await replay(db, record.ResultId, cancellationToken), Replayed: true);
        }

        var (result, resultId) = await apply(db, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE idempotency_records SET result_id = {resultId}
            WHERE user_id = {userId} AND client_mutation_id = {clientMutationId}
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // The change may have appended event rows (EventLogWriter): wake the readers now that they can see them.
        wakeUp.AfterCommit(userId);
        return new Idempotent<TResult>(result, Replayed: false);
    }

    /// <summary>
    /// Runs a mutation whose whole write is one statement that makes the same claim itself (a database
    /// function such as <c>log_set</c>: <c>INSERT … ON CONFLICT DO NOTHING</c> on the record first, in the
    /// statement's own transaction, so concurrency and failures behave exactly as in
    /// <see cref="RunAsync{TInput, TResult}"/>). <paramref name="run"/> gets the fingerprint, and answers
    /// the result with whether it was a replay, or a conflict (the id was used for another input or operation).
    /// <paramref name="userId"/> is whose data the statement changes.
    /// </summary>
    public async Task<Idempotent<TResult>> RunStatementAsync<TInput, TResult>(
        Guid userId,
        string clientMutationId,
        TInput normalizedInput,
        Func<string, CancellationToken, Task<StatementOutcome<TResult>>> run,
        CancellationToken cancellationToken)
    {
        ValidateId(clientMutationId);
        var outcome = await run(Fingerprint(normalizedInput), cancellationToken);
        if (outcome.Conflict)
        {
            throw new IdempotencyConflictException(clientMutationId);
        }

        if (!outcome.Replayed)
        {
            wakeUp.AfterCommit(userId);
        }

        return new Idempotent<TResult>(outcome.Result!, outcome.Replayed);
    }

    /// <summary>Deletes records older than <paramref name="cutoff"/>; returns how many.</summary>
    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    public static string Fingerprint<TInput>(TInput normalizedInput) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(normalizedInput, FingerprintJson)));

    private static void ValidateId(string clientMutationId)
    {
        if (string.IsNullOrWhiteSpace(clientMutationId))
        {
            throw new ValidationException("input.clientMutationId", "must not be empty.");
        }

        if (clientMutationId.Length > MaxClientMutationIdLength)
        {
            throw new ValidationException("input.clientMutationId", $"must be at most {MaxClientMutationIdLength} characters.");
        }
    }
}
