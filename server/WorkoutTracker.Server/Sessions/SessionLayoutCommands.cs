using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Common.Idempotency;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Sessions;

public sealed record AddSessionExerciseInput(string ClientMutationId, Guid SessionId, string ExerciseId) : IMutationInput;

public sealed record GroupSessionSupersetInput(string ClientMutationId, Guid SessionId, IReadOnlyList<string> ExerciseIds) : IMutationInput;

/// <summary>
/// What the athlete does to a session's exercise list: add one that is not planned (any catalog exercise or
/// their own), and group exercises into a superset. Idempotent by clientMutationId; the session must be the
/// athlete's own and open; the session row is locked and its version bumped, as set changes do.
/// </summary>
public sealed class SessionLayoutCommands(IdempotentMutations idempotent, ExerciseLookup exercises)
{
    /// <summary>The most exercises one superset may group (a giant set of four is the usual top).</summary>
    public const int MaxSupersetSize = 4;

    public async Task<Idempotent<TrainingSession>> AddExerciseAsync(User athlete, AddSessionExerciseInput input, CancellationToken cancellationToken)
    {
        RequireAthlete(athlete);
        _ = await exercises.FindUsableAsync(athlete.Id, input.ExerciseId, cancellationToken) ?? throw new NotFoundException("Exercise", input.ExerciseId);
        return await idempotent.RunAsync(
            athlete.Id, input.ClientMutationId, "addSessionExercise", input with { ClientMutationId = "" },
            async (db, ct) =>
            {
                var session = await LockOpenSessionAsync(db, athlete, input.SessionId, ct);
                var row = await db.SessionExercises.SingleOrDefaultAsync(e => e.SessionId == session.Id && e.ExerciseId == input.ExerciseId, ct);
                if (row is null)
                {
                    var position = await db.SessionExercises.Where(e => e.SessionId == session.Id).Select(e => (int?)e.Position).MaxAsync(ct) ?? 0;
                    db.SessionExercises.Add(new SessionExercise { SessionId = session.Id, ExerciseId = input.ExerciseId, Added = true, Position = position + 1 });
                }
                else
                {
                    row.Added = true;
                }

                session.Version++;
                await db.SaveChangesAsync(ct);
                return (session, session.Id.ToString());
            },
            ReplayAsync,
            cancellationToken);
    }

    /// <summary>
    /// Groups the exercises into one superset (2 to <see cref="MaxSupersetSize"/>), taking them out of any group
    /// they were in; a single exercise is taken out of its group. Groups left with one exercise dissolve.
    /// </summary>
    public async Task<Idempotent<TrainingSession>> GroupSupersetAsync(User athlete, GroupSessionSupersetInput input, CancellationToken cancellationToken)
    {
        RequireAthlete(athlete);
        var ids = input.ExerciseIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count is 0 or > MaxSupersetSize)
        {
            throw new ValidationException("exerciseIds", $"must name 1 to {MaxSupersetSize} exercises (one to take it out of its superset).");
        }

        foreach (var id in ids)
        {
            _ = await exercises.FindUsableAsync(athlete.Id, id, cancellationToken) ?? throw new NotFoundException("Exercise", id);
        }

        return await idempotent.RunAsync(
            athlete.Id, input.ClientMutationId, "groupSessionSuperset", new { input.SessionId, ExerciseIds = ids },
            async (db, ct) =>
            {
                var session = await LockOpenSessionAsync(db, athlete, input.SessionId, ct);
                var rows = await db.SessionExercises.Where(e => e.SessionId == session.Id).ToListAsync(ct);
                foreach (var row in rows.Where(r => ids.Contains(r.ExerciseId)))
                {
                    row.SupersetGroup = null;
                }

                if (ids.Count > 1)
                {
                    var taken = rows.Select(r => r.SupersetGroup).OfType<string>().ToHashSet(StringComparer.Ordinal);
                    var group = SupersetGroups.Next(taken);
                    foreach (var id in ids)
                    {
                        var row = rows.SingleOrDefault(r => r.ExerciseId == id);
                        if (row is null)
                        {
                            row = new SessionExercise { SessionId = session.Id, ExerciseId = id, Added = false, Position = 0 };
                            db.SessionExercises.Add(row);
                            rows.Add(row);
                        }

                        row.SupersetGroup = group;
                    }
                }

                foreach (var lone in rows.Where(r => r.SupersetGroup is not null).GroupBy(r => r.SupersetGroup).Where(g => g.Count() == 1).SelectMany(g => g))
                {
                    lone.SupersetGroup = null;
                }

                db.SessionExercises.RemoveRange(rows.Where(r => !r.Added && r.SupersetGroup is null && db.Entry(r).State != EntityState.Added));
                foreach (var added in rows.Where(r => !r.Added && r.SupersetGroup is null && db.Entry(r).State == EntityState.Added))
                {
                    db.Entry(added).State = EntityState.Detached;
                }

                session.Version++;
                await db.SaveChangesAsync(ct);
                return (session, session.Id.ToString());
            },
            ReplayAsync,
            cancellationToken);
    }

    private static async Task<TrainingSession> ReplayAsync(WorkoutDb db, string? resultId, CancellationToken ct) =>
        await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == Guid.Parse(resultId!), ct);

    internal static void RequireAthlete(User user)
    {
        if (user.Role != UserRole.Athlete)
        {
            throw new OnlyAthletesLogSessionsException();
        }
    }

    /// <summary>The athlete's open session, locked (<c>FOR UPDATE</c>).</summary>
    internal static async Task<TrainingSession> LockOpenSessionAsync(WorkoutDb db, User athlete, Guid sessionId, CancellationToken ct)
    {
        var session = await LockOwnSessionAsync(db, athlete, sessionId, ct);
        return session.IsFinished ? throw new SessionFinishedException(session.Id) : session;
    }

    /// <summary>The athlete's session, open or finished, locked (<c>FOR UPDATE</c>).</summary>
    internal static async Task<TrainingSession> LockOwnSessionAsync(WorkoutDb db, User athlete, Guid sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.FromSql($"SELECT * FROM sessions WHERE id = {sessionId} FOR UPDATE").SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Session", sessionId.ToString());
        return session.AthleteId == athlete.Id ? session : throw new NotYourSessionException();
    }
}

/// <summary>Superset labels: A, B, C… then A2, B2….</summary>
public static class SupersetGroups
{
    public static string Next(IReadOnlySet<string> taken)
    {
        for (var round = 1; ; round++)
        {
            for (var letter = 'A'; letter <= 'Z'; letter++)
            {
                var label = round == 1 ? letter.ToString() : $"{letter}{round}";
                if (!taken.Contains(label))
                {
                    return label;
                }
            }
        }
    }
}
