using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Common.Idempotency;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Sessions;

namespace WorkoutTracker.Server.Notes;

public sealed record SetSessionNoteInput(string ClientMutationId, Guid SessionId, string? Note = null) : IMutationInput;

public sealed record SetExerciseNoteInput(string ClientMutationId, string ExerciseId, string? Note = null) : IMutationInput;

/// <summary>An exercise's sticky note as it stands after a change: null text when it was cleared.</summary>
public sealed record ExerciseNoteView(Guid AthleteId, string ExerciseId, string? Text, DateTimeOffset? UpdatedAt);

/// <summary>
/// The athlete's notes: on a session (open or finished: a note is often written afterwards) and the sticky
/// note per exercise. A set's note travels with the set (logSet, updateSet). Trimmed; blank clears;
/// too long is VALIDATION naming the field. Idempotent by clientMutationId.
/// </summary>
public sealed class NoteCommands(IdempotentMutations idempotent, ExerciseLookup exercises, TimeProvider clock)
{
    public Task<Idempotent<TrainingSession>> SetSessionNoteAsync(User athlete, SetSessionNoteInput input, CancellationToken cancellationToken)
    {
        SessionLayoutCommands.RequireAthlete(athlete);
        var note = NoteRules.Normalize("note", input.Note, NoteRules.MaxSessionNote);
        return idempotent.RunAsync(
            athlete.Id, input.ClientMutationId, "setSessionNote", input with { ClientMutationId = "", Note = note },
            async (db, ct) =>
            {
                var session = await SessionLayoutCommands.LockOwnSessionAsync(db, athlete, input.SessionId, ct);
                session.Note = note;
                session.Version++;
                await db.SaveChangesAsync(ct);
                return (session, session.Id.ToString());
            },
            async (db, resultId, ct) => await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == Guid.Parse(resultId!), ct),
            cancellationToken);
    }

    public async Task<Idempotent<ExerciseNoteView>> SetExerciseNoteAsync(User athlete, SetExerciseNoteInput input, CancellationToken cancellationToken)
    {
        SessionLayoutCommands.RequireAthlete(athlete);
        var note = NoteRules.Normalize("note", input.Note, NoteRules.MaxExerciseNote);
        _ = await exercises.FindUsableAsync(athlete.Id, input.ExerciseId, cancellationToken) ?? throw new NotFoundException("Exercise", input.ExerciseId);
        var now = clock.GetUtcNow();
        return await idempotent.RunAsync(
            athlete.Id, input.ClientMutationId, "setExerciseNote", input with { ClientMutationId = "", Note = note },
            async (db, ct) =>
            {
                var row = await db.ExerciseNotes.FromSql($"SELECT * FROM exercise_notes WHERE athlete_id = {athlete.Id} AND exercise_id = {input.ExerciseId} FOR UPDATE")
                    .SingleOrDefaultAsync(ct);
                if (note is null)
                {
                    if (row is not null)
                    {
                        db.ExerciseNotes.Remove(row);
                    }
                }
                else if (row is null)
                {
                    db.ExerciseNotes.Add(new ExerciseNote { AthleteId = athlete.Id, ExerciseId = input.ExerciseId, Text = note, UpdatedAt = now });
                }
                else
                {
                    row.Text = note;
                    row.UpdatedAt = now;
                }

                await db.SaveChangesAsync(ct);
                return (new ExerciseNoteView(athlete.Id, input.ExerciseId, note, note is null ? null : now), input.ExerciseId);
            },
            async (db, resultId, ct) =>
            {
                var stored = await db.ExerciseNotes.AsNoTracking().SingleOrDefaultAsync(n => n.AthleteId == athlete.Id && n.ExerciseId == resultId, ct);
                return new ExerciseNoteView(athlete.Id, resultId!, stored?.Text, stored?.UpdatedAt);
            },
            cancellationToken);
    }
}

/// <summary>Reads an athlete's sticky exercise notes.</summary>
public sealed class NoteReads(Microsoft.EntityFrameworkCore.IDbContextFactory<Data.WorkoutDb> dbFactory)
{
    public async Task<IReadOnlyList<ExerciseNoteView>> ExerciseNotesAsync(Guid athleteId, IReadOnlyList<string>? exerciseIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.ExerciseNotes.AsNoTracking().Where(n => n.AthleteId == athleteId);
        if (exerciseIds is not null)
        {
            query = query.Where(n => exerciseIds.Contains(n.ExerciseId));
        }

        return await query.OrderBy(n => n.ExerciseId).Select(n => new ExerciseNoteView(n.AthleteId, n.ExerciseId, n.Text, n.UpdatedAt)).ToListAsync(cancellationToken);
    }
}
