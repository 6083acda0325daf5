using Microsoft.EntityFrameworkCore;
using Npgsql;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Common.Calendar;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.Common.Idempotency;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Notes;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Sessions;

/// <summary>A set change and the session it left behind. <see cref="Set"/> is null after a delete.</summary>
public sealed record SetChange(WorkoutSet? Set, Guid SetId, TrainingSession Session);

/// <summary>
/// The session mutations. Each one is idempotent by clientMutationId, validates before writing, locks
/// the session row so a session's sets change one at a time (orders stay unique, versions and events
/// stay in order), keeps the body map current and appends its event to the event log, all in the same transaction.
/// </summary>
public sealed class SessionCommands(
    IdempotentMutations idempotent, SessionProgression progression, ExerciseLookup exercises, NpgsqlDataSource dataSource, TimeProvider clock)
{
    public Task<Idempotent<TrainingSession>> StartAsync(User athlete, StartSessionInput input, CancellationToken cancellationToken)
    {
        RequireAthlete(athlete);
        var now = clock.GetUtcNow();
        SetRules.ValidateTime("startedAt", input.StartedAt, now);
        if (input.PlanDayNumber is < 1 or > 7)
        {
            throw new ValidationException("planDayNumber", "must be between 1 and 7.");
        }

        if (input.SessionId == Guid.Empty)
        {
            throw new ValidationException("input.sessionId", "must not be the empty UUID.");
        }

        var normalized = new { input.PlanDayNumber, StartedAt = input.StartedAt?.ToUniversalTime(), input.SessionId };
        return idempotent.RunAsync(
            athlete.Id,
            input.ClientMutationId,
            "startSession",
            normalized,
            async (db, ct) =>
            {
                var session = new TrainingSession
                {
                    Id = input.SessionId ?? Guid.CreateVersion7(now),
                    AthleteId = athlete.Id,
                    PlanDayNumber = input.PlanDayNumber,
                    StartedAt = input.StartedAt ?? now,
                    Version = 1,
                };
                if (input.SessionId is null)
                {
                    db.Sessions.Add(session);
                    await db.SaveChangesAsync(ct);
                    return (session, session.Id.ToString());
                }

                var started = await StartWithClientIdAsync(db, athlete, session, ct);
                return (started, started.Id.ToString());
            },
            async (db, resultId, ct) => await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == Guid.Parse(resultId!), ct),
            cancellationToken);
    }

    /// <summary>
    /// Inserts a session with the id the client made. A concurrent insert of the same id waits for the
    /// first to commit and then does nothing (ON CONFLICT), so the row is read back, never a 500: the
    /// athlete's own session (started before, e.g. its idempotency record pruned after a long time
    /// offline) is answered as it is; anyone else's is <see cref="SessionIdTakenException"/>.
    /// </summary>
    private static async Task<TrainingSession> StartWithClientIdAsync(WorkoutDb db, User athlete, TrainingSession session, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO sessions (id, athlete_id, plan_day_number, started_at, next_set_order, version)
            VALUES ({session.Id}, {session.AthleteId}, {session.PlanDayNumber}, {session.StartedAt.ToUniversalTime()}, {session.NextSetOrder}, {session.Version})
            ON CONFLICT (id) DO NOTHING
            """, ct);
        var stored = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == session.Id, ct);
        return stored.AthleteId == athlete.Id ? stored : throw new SessionIdTakenException(session.Id);
    }

    /// <summary>
    /// Logs a set in one round trip: validation and the body-map contributions are worked out here, then
    /// <c>log_set(...)</c> (migration <c>LogSetInOneStatement</c>) claims the clientMutationId, updates the
    /// session row (its lock), inserts the set, adds to the body map, appends the event row and answers the
    /// set and session, all in one statement and so one transaction. A replay answers the first result from
    /// the same statement. Its guarantees are <see cref="IdempotentMutations"/>'s.
    /// </summary>
    public async Task<Idempotent<SetChange>> LogSetAsync(User athlete, LogSetInput input, CancellationToken cancellationToken)
    {
        RequireAthlete(athlete);
        var now = clock.GetUtcNow();
        SetRules.Validate(input.LoadKg, input.Reps, input.Rpe, input.RestSeconds);
        SetRules.ValidateTime("performedAt", input.PerformedAt, now);
        if (string.IsNullOrWhiteSpace(input.ExerciseId))
        {
            throw new ValidationException("exerciseId", "must not be empty.");
        }

        var setType = SetTypes.Resolve(input.SetType, input.IsWarmup);
        var note = NoteRules.Normalize("note", input.Note, NoteRules.MaxSetNote);
        var exercise = await exercises.FindUsableAsync(athlete.Id, input.ExerciseId, cancellationToken) ?? throw new NotFoundException("Exercise", input.ExerciseId);
        var isWarmup = setType == SetType.Warmup;
        var normalized = input with { ClientMutationId = "", PerformedAt = input.PerformedAt?.ToUniversalTime(), SetType = setType, IsWarmup = isWarmup, Note = note };
        var performedAt = input.PerformedAt ?? now;
        var zone = AthleteCalendar.Zone(athlete.TimeZone);
        var week = BodyMapRules.WeekStartOf(performedAt, zone);
        var changes = BodyMapLedger.ChangesOf(exercise, before: null, new SetFacts(performedAt, input.LoadKg, input.Reps, input.Rpe, isWarmup), week, zone);
        return await idempotent.RunStatementAsync(athlete.Id, input.ClientMutationId, normalized, async (fingerprint, ct) =>
        {
            await using var command = dataSource.CreateCommand("SELECT * FROM log_set($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)");
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = athlete.Id });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = input.ClientMutationId });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = fingerprint });
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = input.SessionId });
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7(now) });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = input.ExerciseId });
            command.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = input.LoadKg });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = input.Reps });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Numeric, Value = (object?)input.Rpe ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer, Value = (object?)input.RestSeconds ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = isWarmup });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = performedAt.ToUniversalTime() });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToUniversalTime() });
            command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = week });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. changes.Select(c => c.Muscle.ToString())] });
            command.Parameters.Add(new NpgsqlParameter<decimal[]> { TypedValue = [.. changes.Select(c => c.HardSets)] });
            command.Parameters.Add(new NpgsqlParameter<decimal[]> { TypedValue = [.. changes.Select(c => c.TotalReps)] });
            command.Parameters.Add(new NpgsqlParameter<decimal[]> { TypedValue = [.. changes.Select(c => c.VolumeLoadKg)] });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = setType.ToString() });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = (object?)note ?? DBNull.Value });
            try
            {
                await using var reader = await command.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                var outcome = reader.GetString(0);
                return outcome == "conflict"
                    ? new StatementOutcome<SetChange>(null, Replayed: false, Conflict: true)
                    : new StatementOutcome<SetChange>(ReadSetChange(reader), Replayed: outcome == "replayed", Conflict: false);
            }
            catch (PostgresException ex) when (ex.SqlState is "WT404" or "WT403" or "WT409")
            {
                throw ex.SqlState switch
                {
                    "WT404" => new NotFoundException("Session", input.SessionId.ToString()),
                    "WT403" => new NotYourSessionException(),
                    _ => new SessionFinishedException(input.SessionId),
                };
            }
        }, cancellationToken);
    }

    /// <summary>A row of <c>log_set</c>: the set's id and columns (null when a replay finds it deleted), then the session's.</summary>
    private static SetChange ReadSetChange(NpgsqlDataReader row)
    {
        var session = new TrainingSession
        {
            Id = row.GetGuid(11),
            AthleteId = row.GetGuid(12),
            PlanDayNumber = row.IsDBNull(13) ? null : row.GetInt32(13),
            StartedAt = row.GetFieldValue<DateTimeOffset>(14),
            FinishedAt = row.IsDBNull(15) ? null : row.GetFieldValue<DateTimeOffset>(15),
            NextSetOrder = row.GetInt32(16),
            Version = row.GetInt32(17),
        };
        var setId = row.GetGuid(1);
        var set = row.IsDBNull(2) ? null : new WorkoutSet
        {
            Id = setId,
            SessionId = session.Id,
            AthleteId = session.AthleteId,
            ExerciseId = row.GetString(2),
            Order = row.GetInt32(3),
            LoadKg = row.GetDecimal(4),
            Reps = row.GetInt32(5),
            Rpe = row.IsDBNull(6) ? null : row.GetDecimal(6),
            RestSeconds = row.IsDBNull(7) ? null : row.GetInt32(7),
            IsWarmup = row.GetBoolean(8),
            PerformedAt = row.GetFieldValue<DateTimeOffset>(9),
            UpdatedAt = row.GetFieldValue<DateTimeOffset>(10),
            SetType = Enum.Parse<SetType>(row.GetString(18)),
            Note = row.IsDBNull(19) ? null : row.GetString(19),
        };
        return new SetChange(set, setId, session);
    }

    public Task<Idempotent<SetChange>> UpdateSetAsync(User athlete, UpdateSetInput input, CancellationToken cancellationToken)
    {
        RequireAthlete(athlete);
        SetRules.Validate(input.LoadKg, input.Reps, input.Rpe, input.RestSeconds);
        var setType = SetTypes.Resolve(input.SetType, input.IsWarmup);
        var note = NoteRules.Normalize("note", input.Note, NoteRules.MaxSetNote);
        var now = clock.GetUtcNow();
        return idempotent.RunAsync(
            athlete.Id,
            input.ClientMutationId,
            "updateSet",
            input with { ClientMutationId = "", SetType = setType, IsWarmup = setType == SetType.Warmup, Note = note },
            async (db, ct) =>
            {
                var (set, session) = await LockOwnSetAsync(db, athlete, input.SetId, ct);
                var before = FactsOf(set);
                set.LoadKg = input.LoadKg;
                set.Reps = input.Reps;
                set.Rpe = input.Rpe;
                set.RestSeconds = input.RestSeconds;
                set.SetType = setType;
                set.IsWarmup = setType == SetType.Warmup;
                set.Note = note;
                set.UpdatedAt = now;
                session.Version++;
                await db.SaveChangesAsync(ct);
                var bodyMap = await BodyMapLedger.ApplyAsync(db, athlete.Id, AthleteCalendar.Zone(athlete.TimeZone), await ExerciseOfAsync(set, ct), before, FactsOf(set), ct);
                await PublishAsync(db, EventKind.SetUpdated, session, set.Id, bodyMap, now, ct);
                return (new SetChange(set, set.Id, session), SetResultId(session, set.Id));
            },
            ReplaySetAsync,
            cancellationToken);
    }

    public Task<Idempotent<SetChange>> DeleteSetAsync(User athlete, DeleteSetInput input, CancellationToken cancellationToken)
    {
        RequireAthlete(athlete);
        var now = clock.GetUtcNow();
        return idempotent.RunAsync(
            athlete.Id,
            input.ClientMutationId,
            "deleteSet",
            input with { ClientMutationId = "" },
            async (db, ct) =>
            {
                var (set, session) = await LockOwnSetAsync(db, athlete, input.SetId, ct);
                db.Sets.Remove(set);
                session.Version++;
                await db.SaveChangesAsync(ct);
                var bodyMap = await BodyMapLedger.ApplyAsync(db, athlete.Id, AthleteCalendar.Zone(athlete.TimeZone), await ExerciseOfAsync(set, ct), FactsOf(set), after: null, ct);
                await PublishAsync(db, EventKind.SetDeleted, session, set.Id, bodyMap, now, ct);
                return (new SetChange(null, set.Id, session), SetResultId(session, set.Id));
            },
            ReplaySetAsync,
            cancellationToken);
    }

    public Task<Idempotent<TrainingSession>> FinishAsync(User athlete, FinishSessionInput input, CancellationToken cancellationToken)
    {
        RequireAthlete(athlete);
        var now = clock.GetUtcNow();
        SetRules.ValidateTime("finishedAt", input.FinishedAt, now);
        return idempotent.RunAsync(
            athlete.Id,
            input.ClientMutationId,
            "finishSession",
            input with { ClientMutationId = "", FinishedAt = input.FinishedAt?.ToUniversalTime() },
            async (db, ct) =>
            {
                var session = await LockOpenSessionAsync(db, athlete, input.SessionId, ct);
                var finishedAt = input.FinishedAt ?? now;
                if (finishedAt < session.StartedAt)
                {
                    throw new ValidationException("finishedAt", "must not be before the session started.");
                }

                session.FinishedAt = finishedAt;
                session.Version++;
                await db.SaveChangesAsync(ct);
                await progression.ApplyAsync(db, session, ct);
                await PublishAsync(db, EventKind.SessionFinished, session, null, bodyMap: null, now, ct);
                return (session, session.Id.ToString());
            },
            async (db, resultId, ct) => await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == Guid.Parse(resultId!), ct),
            cancellationToken);
    }

    private static void RequireAthlete(User user)
    {
        if (user.Role != UserRole.Athlete)
        {
            throw new OnlyAthletesLogSessionsException();
        }
    }

    /// <summary>Loads the session with <c>FOR UPDATE</c>: set changes of one session run one at a time.</summary>
    private static async Task<TrainingSession> LockOpenSessionAsync(WorkoutDb db, User athlete, Guid sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.FromSql($"SELECT * FROM sessions WHERE id = {sessionId} FOR UPDATE").SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Session", sessionId.ToString());
        if (session.AthleteId != athlete.Id)
        {
            throw new NotYourSessionException();
        }

        return session.IsFinished ? throw new SessionFinishedException(session.Id) : session;
    }

    /// <summary>
    /// Locks the set's session, then reads the set: what the change starts from is what the previous
    /// change of this session left, not a value read before waiting for the lock.
    /// </summary>
    private static async Task<(WorkoutSet Set, TrainingSession Session)> LockOwnSetAsync(WorkoutDb db, User athlete, Guid setId, CancellationToken ct)
    {
        var owner = await db.Sets.AsNoTracking().Where(s => s.Id == setId).Select(s => new { s.SessionId, s.AthleteId }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Set", setId.ToString());
        if (owner.AthleteId != athlete.Id)
        {
            throw new NotYourSessionException();
        }

        var session = await LockOpenSessionAsync(db, athlete, owner.SessionId, ct);
        var set = await db.Sets.SingleOrDefaultAsync(s => s.Id == setId, ct) ?? throw new NotFoundException("Set", setId.ToString());
        return (set, session);
    }

    /// <summary>A set change is remembered as "session/set", so a replay finds the session even after the set was deleted.</summary>
    private static string SetResultId(TrainingSession session, Guid setId) => $"{session.Id}/{setId}";

    /// <summary>
    /// The first result of a set mutation, as it stands now: the set (null if it was deleted since) and
    /// its session.
    /// </summary>
    private static async Task<SetChange> ReplaySetAsync(WorkoutDb db, string? resultId, CancellationToken ct)
    {
        var ids = resultId!.Split('/');
        var (sessionId, setId) = (Guid.Parse(ids[0]), Guid.Parse(ids[1]));
        var set = await db.Sets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == setId, ct);
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, ct);
        return new SetChange(set, setId, session);
    }

    private async Task<Exercise> ExerciseOfAsync(WorkoutSet set, CancellationToken ct) =>
        await exercises.FindUsableAsync(set.AthleteId, set.ExerciseId, ct) ?? throw new NotFoundException("Exercise", set.ExerciseId);

    private static SetFacts FactsOf(WorkoutSet set) => new(set.PerformedAt, set.LoadKg, set.Reps, set.Rpe, set.IsWarmup);

    /// <summary>Appends the change's event row in its transaction (see <see cref="EventLogWriter"/>).</summary>
    private static Task PublishAsync(
        WorkoutDb db, EventKind kind, TrainingSession session, Guid? setId, BodyMapStamp? bodyMap, DateTimeOffset now, CancellationToken ct) =>
        EventLogWriter.AppendAsync(db, kind, session.AthleteId, session.Id, setId, session.Version, bodyMap?.WeekStart, bodyMap?.Version, coachId: null, now, ct);
}
