using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Common.Idempotency;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Sessions;

/// <summary>A set change and the session it left behind. <see cref="Set"/> is null after a delete.</summary>
public sealed record SetChange(WorkoutSet? Set, Guid SetId, TrainingSession Session);

/// <summary>
/// The session mutations. Each one is idempotent by clientMutationId, validates before writing, locks
/// the session row so a session's sets change one at a time (orders stay unique, versions and events
/// stay in order), keeps the body map current and publishes its event, all in the same transaction.
/// </summary>
public sealed class SessionCommands(IdempotentMutations idempotent, SessionProgression progression, ExerciseCatalogCache catalog, TimeProvider clock)
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

        var exercise = await catalog.FindAsync(input.ExerciseId) ?? throw new NotFoundException("Exercise", input.ExerciseId);
        var normalized = input with { ClientMutationId = "", PerformedAt = input.PerformedAt?.ToUniversalTime() };
        return await idempotent.RunAsync(
            athlete.Id,
            input.ClientMutationId,
            "logSet",
            normalized,
            async (db, ct) =>
            {
                var session = await LockOpenSessionAsync(db, athlete, input.SessionId, ct);
                var set = new WorkoutSet
                {
                    Id = Guid.CreateVersion7(now),
                    SessionId = session.Id,
                    AthleteId = athlete.Id,
                    ExerciseId = input.ExerciseId,
                    Order = session.NextSetOrder++,
                    LoadKg = input.LoadKg,
                    Reps = input.Reps,
                    Rpe = input.Rpe,
                    RestSeconds = input.RestSeconds,
                    IsWarmup = input.IsWarmup,
                    PerformedAt = input.PerformedAt ?? now,
                    UpdatedAt = now,
                };
                db.Sets.Add(set);
                session.Version++;
                await db.SaveChangesAsync(ct);
                var bodyMap = await BodyMapLedger.ApplyAsync(db, athlete.Id, exercise, before: null, after: FactsOf(set), ct);
                await PublishAsync(db, SessionEventKind.SetLogged, session, set.Id, bodyMap, now, ct);
                return (new SetChange(set, set.Id, session), SetResultId(session, set.Id));
            },
            ReplaySetAsync,
            cancellationToken);
    }

    public Task<Idempotent<SetChange>> UpdateSetAsync(User athlete, UpdateSetInput input, CancellationToken cancellationToken)
    {
        RequireAthlete(athlete);
        SetRules.Validate(input.LoadKg, input.Reps, input.Rpe, input.RestSeconds);
        var now = clock.GetUtcNow();
        return idempotent.RunAsync(
            athlete.Id,
            input.ClientMutationId,
            "updateSet",
            input with { ClientMutationId = "" },
            async (db, ct) =>
            {
                var (set, session) = await LockOwnSetAsync(db, athlete, input.SetId, ct);
                var before = FactsOf(set);
                set.LoadKg = input.LoadKg;
                set.Reps = input.Reps;
                set.Rpe = input.Rpe;
                set.RestSeconds = input.RestSeconds;
                set.IsWarmup = input.IsWarmup;
                set.UpdatedAt = now;
                session.Version++;
                await db.SaveChangesAsync(ct);
                var bodyMap = await BodyMapLedger.ApplyAsync(db, athlete.Id, await ExerciseOfAsync(set), before, FactsOf(set), ct);
                await PublishAsync(db, SessionEventKind.SetUpdated, session, set.Id, bodyMap, now, ct);
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
                var bodyMap = await BodyMapLedger.ApplyAsync(db, athlete.Id, await ExerciseOfAsync(set), FactsOf(set), after: null, ct);
                await PublishAsync(db, SessionEventKind.SetDeleted, session, set.Id, bodyMap, now, ct);
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
                await PublishAsync(db, SessionEventKind.SessionFinished, session, null, bodyMap: null, now, ct);
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

    private async Task<Exercise> ExerciseOfAsync(WorkoutSet set) =>
        await catalog.FindAsync(set.ExerciseId) ?? throw new NotFoundException("Exercise", set.ExerciseId);

    private static SetFacts FactsOf(WorkoutSet set) => new(set.PerformedAt, set.LoadKg, set.Reps, set.Rpe, set.IsWarmup);

    private static Task PublishAsync(
        WorkoutDb db, SessionEventKind kind, TrainingSession session, Guid? setId, BodyMapStamp? bodyMap, DateTimeOffset now, CancellationToken ct) =>
        SessionEventChannel.PublishAsync(
            db, new SessionEventNotice(kind, session.Id, session.AthleteId, setId, session.Version, now, bodyMap?.WeekStart, bodyMap?.Version), ct);
}
