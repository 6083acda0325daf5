using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Sessions;

namespace WorkoutTracker.Server.Imports;

/// <summary>Section <c>Imports</c>.</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Imports";

    /// <summary>Whether this instance runs import jobs (every instance does by default).</summary>
    public bool RunJobs { get; set; } = true;

    /// <summary>How often an idle worker looks for queued jobs and jobs whose worker died.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a running job is held without progress before another worker takes it up.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sessions written per transaction (progress is committed with each batch).</summary>
    public int BatchSize { get; set; } = 100;
}

/// <summary>
/// Runs one confirmed import: the file is read again, and its workouts are written oldest first in
/// batches, each batch in one transaction with the job's progress, skipping what the athlete already has
/// (<see cref="ExistingSessions"/>; under a per-athlete lock, so two imports of overlapping files cannot
/// both write a workout). Then, in one transaction with the job's completion: the body maps are rebuilt
/// once from the sets, and the workouts newer than everything else the athlete has move their
/// progression as finishing them would have (older ones are history: they do not rewind it). Records and
/// e1RM history read the sets and need nothing more. A job cut off anywhere resumes from its last batch.
/// </summary>
public sealed partial class ImportRunner(
    IDbContextFactory<WorkoutDb> dbFactory,
    SessionProgression progression,
    EventLogWakeUp wakeUp,
    IOptions<ImportOptions> options,
    TimeProvider clock,
    ILogger<ImportRunner> logger)
{
    private static readonly ActivitySource Activities = new("WorkoutTracker.Server.Imports");

    public async Task RunAsync(Guid importId, CancellationToken ct)
    {
        using var activity = Activities.StartActivity("import.run");
        activity?.SetTag("import.id", importId);
        HistoryImport job;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            job = await db.HistoryImports.AsNoTracking().SingleAsync(i => i.Id == importId, ct);
        }

        var history = ImportFileReader.Read(
            new StringReader(job.Content),
            new ImportReadOptions(job.Unit, TimeZoneInfo.FindSystemTimeZoneById(job.TimeZone)));
        var matches = JsonSerializer.Deserialize<Dictionary<string, string?>>(job.Matches ?? "{}", HistoryImports.Json)!
            .ToDictionary(m => m.Key, m => m.Value, StringComparer.OrdinalIgnoreCase);
        var sessions = history.Sessions.OrderBy(s => s.StartedAt).ToList();
        var started = clock.GetTimestamp();

        for (var start = 0; start < sessions.Count; start += options.Value.BatchSize)
        {
            var batch = sessions.GetRange(start, Math.Min(options.Value.BatchSize, sessions.Count - start));
            var (written, sets) = await WriteBatchAsync(job, batch, matches, ct);
            var done = start + batch.Count;
            LogProgress(logger, importId, done, sessions.Count, written, sets);
        }

        var writeMs = (long)clock.GetElapsedTime(started).TotalMilliseconds;
        await CompleteAsync(job, sessions, ct);
        var completeMs = (long)clock.GetElapsedTime(started).TotalMilliseconds - writeMs;
        LogTimes(logger, importId, writeMs, completeMs);
    }

    private async Task<(int Sessions, int Sets)> WriteBatchAsync(HistoryImport job, List<ImportedSession> batch, Dictionary<string, string?> matches, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AthleteLockKey(job.AthleteId)})", ct);
        var existing = await ExistingSessions.FindAsync(db, job.AthleteId, batch, ct);
        var rows = new List<(TrainingSession Session, List<WorkoutSet> Sets)>();
        var supersets = new List<SessionExercise>();
        foreach (var imported in batch.Where(s => !existing.Contains(s)))
        {
            var kept = imported.Sets.Where(s => matches.GetValueOrDefault(s.ExerciseName) is not null).ToList();
            if (kept.Count == 0)
            {
                continue;
            }

            var session = new TrainingSession
            {
                Id = ImportIds.Session(job.AthleteId, imported),
                AthleteId = job.AthleteId,
                StartedAt = imported.StartedAt,
                FinishedAt = imported.FinishedAt,
                NextSetOrder = kept.Count + 1,
                Version = kept.Count + 2,
                Note = imported.Notes,
            };
            var step = (imported.FinishedAt - imported.StartedAt) / (kept.Count + 1);
            rows.Add((session, [.. kept.Select((set, i) => new WorkoutSet
            {
                Id = ImportIds.Set(job.AthleteId, imported, set),
                SessionId = session.Id,
                AthleteId = job.AthleteId,
                ExerciseId = matches[set.ExerciseName]!,
                Order = i + 1,
                LoadKg = set.LoadKg,
                Reps = set.Reps,
                Rpe = set.Rpe,
                SetType = set.Kind switch
                {
                    ImportedSetKind.Warmup => SetType.Warmup,
                    ImportedSetKind.Drop => SetType.Drop,
                    ImportedSetKind.Failure => SetType.Failure,
                    _ => SetType.Working,
                },
                Note = set.Note,
                PerformedAt = imported.StartedAt + (step * (i + 1)),
                UpdatedAt = imported.StartedAt + (step * (i + 1)),
            })]));
            supersets.AddRange(SupersetsOf(session.Id, kept, matches));
        }

        await CopyAsync(db, rows, ct);
        db.SessionExercises.AddRange(supersets);
        var (sessions, sets) = (rows.Count, rows.Sum(r => r.Sets.Count));
        var row = await db.HistoryImports.SingleAsync(i => i.Id == job.Id, ct);
        row.SessionsWritten += sessions;
        row.SetsWritten += sets;
        row.LeaseUntil = clock.GetUtcNow() + options.Value.Lease;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (sessions, sets);
    }

    private async Task CompleteAsync(HistoryImport job, List<ImportedSession> sessions, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AthleteLockKey(job.AthleteId)})", ct);
        var row = await db.HistoryImports.SingleAsync(i => i.Id == job.Id, ct);
        if (row.Status == ImportStatus.Completed)
        {
            return;
        }

        if (row.SessionsWritten > 0)
        {
            await BodyMapRebuild.ReplaceAsync(db, job.AthleteId, ct);
            await AdvanceProgressionAsync(db, job, sessions, ct);
            // Every instance holds this athlete's week and plan versions in memory (ETags): the log tells them to forget them.
            await EventLogWriter.AppendAsync(
                db, EventKind.DerivedDataRebuilt, job.AthleteId, sessionId: null, setId: null, sessionVersion: null,
                bodyMapWeekStart: null, bodyMapVersion: null, coachId: null, clock.GetUtcNow(), ct);
        }

        row.Status = ImportStatus.Completed;
        row.LeaseUntil = null;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        wakeUp.AfterCommit(job.AthleteId);
        LogCompleted(logger, job.Id, row.SessionsWritten, row.SetsWritten);
    }

    /// <summary>
    /// The file's workouts written by this import that are newer than every other session of the athlete
    /// move progression, oldest first, as finishing each would have.
    /// </summary>
    private async Task AdvanceProgressionAsync(WorkoutDb db, HistoryImport job, List<ImportedSession> sessions, CancellationToken ct)
    {
        var fileIds = sessions.Select(s => ImportIds.Session(job.AthleteId, s)).ToList();
        var latestOther = await db.Sessions.Where(s => s.AthleteId == job.AthleteId && !fileIds.Contains(s.Id))
            .MaxAsync(s => (DateTimeOffset?)s.StartedAt, ct);
        var newer = await db.Sessions.AsNoTracking()
            .Where(s => s.AthleteId == job.AthleteId && fileIds.Contains(s.Id) && (latestOther == null || s.StartedAt > latestOther))
            .OrderBy(s => s.StartedAt)
            .ToListAsync(ct);
        var progressed = await db.ExerciseProgress.AsNoTracking().Where(p => p.AthleteId == job.AthleteId)
            .MaxAsync(p => (DateTimeOffset?)p.UpdatedAt, ct);
        await progression.ApplyAsync(db, job.AthleteId, [.. newer.Where(s => progressed is null || s.FinishedAt > progressed)], ct);
    }

    /// <summary>The exercises a file groups into supersets (Hevy's superset_id), as the session's groups "A", "B", ….</summary>
    private static IEnumerable<SessionExercise> SupersetsOf(Guid sessionId, List<ImportedSet> sets, Dictionary<string, string?> matches)
    {
        var groups = sets.Where(s => s.SupersetId is not null).Select(s => s.SupersetId!).Distinct(StringComparer.Ordinal).ToList();
        var exercises = sets.Where(s => s.SupersetId is not null)
            .Select(s => (ExerciseId: matches[s.ExerciseName]!, Group: ((char)('A' + Math.Min(groups.IndexOf(s.SupersetId!), 25))).ToString()))
            .DistinctBy(e => e.ExerciseId, StringComparer.Ordinal);
        return exercises.Select((e, i) => new SessionExercise { SessionId = sessionId, ExerciseId = e.ExerciseId, Added = true, SupersetGroup = e.Group, Position = i + 1 });
    }

    /// <summary>
    /// Writes the batch with PostgreSQL's binary COPY in the batch's transaction (what is already stored was
    /// left out under the athlete's lock, so there is nothing to conflict with): a five-year history is tens
    /// of thousands of rows, which row-by-row inserts take seconds to write.
    /// </summary>
    private static async Task CopyAsync(WorkoutDb db, List<(TrainingSession Session, List<WorkoutSet> Sets)> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var sessions = await connection.BeginBinaryImportAsync(
            "COPY sessions (id, athlete_id, plan_day_number, started_at, finished_at, next_set_order, version, note) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (session, _) in rows)
            {
                await sessions.StartRowAsync(ct);
                await sessions.WriteAsync(session.Id, NpgsqlDbType.Uuid, ct);
                await sessions.WriteAsync(session.AthleteId, NpgsqlDbType.Uuid, ct);
                await sessions.WriteNullAsync(ct);
                await sessions.WriteAsync(session.StartedAt, NpgsqlDbType.TimestampTz, ct);
                await sessions.WriteAsync(session.FinishedAt!.Value, NpgsqlDbType.TimestampTz, ct);
                await sessions.WriteAsync(session.NextSetOrder, NpgsqlDbType.Integer, ct);
                await sessions.WriteAsync(session.Version, NpgsqlDbType.Integer, ct);
                await WriteTextAsync(sessions, session.Note, ct);
            }

            await sessions.CompleteAsync(ct);
        }

        await using var sets = await connection.BeginBinaryImportAsync(
            "COPY sets (id, session_id, athlete_id, exercise_id, \"order\", load_kg, reps, rpe, rest_seconds, is_warmup, set_type, note, performed_at, updated_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var set in rows.SelectMany(r => r.Sets))
        {
            await sets.StartRowAsync(ct);
            await sets.WriteAsync(set.Id, NpgsqlDbType.Uuid, ct);
            await sets.WriteAsync(set.SessionId, NpgsqlDbType.Uuid, ct);
            await sets.WriteAsync(set.AthleteId, NpgsqlDbType.Uuid, ct);
            await sets.WriteAsync(set.ExerciseId, NpgsqlDbType.Varchar, ct);
            await sets.WriteAsync(set.Order, NpgsqlDbType.Integer, ct);
            await sets.WriteAsync(set.LoadKg, NpgsqlDbType.Numeric, ct);
            await sets.WriteAsync(set.Reps, NpgsqlDbType.Integer, ct);
            if (set.Rpe is { } rpe)
            {
                await sets.WriteAsync(rpe, NpgsqlDbType.Numeric, ct);
            }
            else
            {
                await sets.WriteNullAsync(ct);
            }

            await sets.WriteNullAsync(ct);
            await sets.WriteAsync(set.IsWarmup, NpgsqlDbType.Boolean, ct);
            await sets.WriteAsync(set.SetType.ToString(), NpgsqlDbType.Varchar, ct);
            await WriteTextAsync(sets, set.Note, ct);
            await sets.WriteAsync(set.PerformedAt, NpgsqlDbType.TimestampTz, ct);
            await sets.WriteAsync(set.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
        }

        await sets.CompleteAsync(ct);
    }

    private static Task WriteTextAsync(NpgsqlBinaryImporter importer, string? text, CancellationToken ct) =>
        text is null ? importer.WriteNullAsync(ct) : importer.WriteAsync(text, NpgsqlDbType.Varchar, ct);

    /// <summary>The key of the per-athlete advisory lock imports take (its first eight bytes).</summary>
    private static long AthleteLockKey(Guid athleteId) => BitConverter.ToInt64(athleteId.ToByteArray(), 0) ^ 0x1A2B_3C4D;

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId}: {Done}/{Total} workouts read, {Sessions} session(s) and {Sets} set(s) written in this batch")]
    private static partial void LogProgress(ILogger logger, Guid importId, int done, int total, int sessions, int sets);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId}: sessions and sets written in {WriteMs} ms, body maps and progression in {CompleteMs} ms")]
    private static partial void LogTimes(ILogger logger, Guid importId, long writeMs, long completeMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} completed: {Sessions} session(s), {Sets} set(s) written")]
    private static partial void LogCompleted(ILogger logger, Guid importId, int sessions, int sets);
}
