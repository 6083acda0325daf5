using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Common.Idempotency;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Exercises;

public sealed record CreateExerciseInput(
    string ClientMutationId,
    string Name,
    MovementPattern Pattern,
    ExerciseLoading Loading,
    IReadOnlyList<MuscleGroup> PrimaryMuscles,
    IReadOnlyList<MuscleGroup>? SecondaryMuscles = null,
    IReadOnlyList<Equipment>? Equipment = null,
    bool IsCompound = false,
    Guid? Id = null) : IMutationInput;

/// <summary>A custom exercise's name is taken: the catalog or the athlete's own exercises already have it.</summary>
public sealed class ExerciseNameTakenException(string name)
    : DomainException("EXERCISE_NAME_TAKEN", $"An exercise named '{name}' already exists; choose it or another name.");

/// <summary>A client-made custom exercise id that an exercise already has.</summary>
public sealed class ExerciseIdTakenException(string id)
    : DomainException("EXERCISE_ID_TAKEN", $"Exercise id '{id}' is already in use; create the exercise with another id.");

/// <summary>
/// Athletes make their own exercises: a name, muscles, equipment and how it is loaded. A custom exercise is
/// seen by its owner and their coaches, and is usable wherever a catalog one is (<see cref="ExerciseLookup"/>).
/// Its id is <c>custom-</c> and a UUID without dashes: one the client made (so it can log sets on the exercise
/// before the creation reaches the server, as with a session's id), or a new one.
/// </summary>
public sealed class CustomExerciseCommands(IdempotentMutations idempotent, ExerciseCatalogCache catalog, TimeProvider clock)
{
    public const int MaxNameLength = 100;

    /// <summary>How many custom exercises one athlete may keep.</summary>
    public const int MaxPerAthlete = 200;

    public static string IdOf(Guid id) => "custom-" + id.ToString("N");

    public Task<Idempotent<Exercise>> CreateAsync(User athlete, CreateExerciseInput input, CancellationToken cancellationToken)
    {
        if (athlete.Role != UserRole.Athlete)
        {
            throw new ForbiddenException("Only athletes make custom exercises.");
        }

        var name = string.Join(' ', (input.Name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (name.Length is < 2 or > MaxNameLength)
        {
            throw new ValidationException("name", $"must be 2 to {MaxNameLength} characters.");
        }

        var primary = input.PrimaryMuscles.Distinct().ToList();
        var secondary = (input.SecondaryMuscles ?? []).Distinct().Where(m => !primary.Contains(m)).ToList();
        var equipment = (input.Equipment ?? []).Distinct().ToList();
        if (primary.Count is < 1 or > 3)
        {
            throw new ValidationException("primaryMuscles", "must name 1 to 3 muscles.");
        }

        if (secondary.Count > 4)
        {
            throw new ValidationException("secondaryMuscles", "must name at most 4 muscles.");
        }

        if (equipment.Count > 4)
        {
            throw new ValidationException("equipment", "must name at most 4 items.");
        }

        if (equipment.Count == 0)
        {
            equipment.Add(Exercises.Equipment.Bodyweight);
        }

        if (input.Id == Guid.Empty)
        {
            throw new ValidationException("input.id", "must not be the empty UUID.");
        }

        var normalized = input with { ClientMutationId = "", Name = name, PrimaryMuscles = primary, SecondaryMuscles = secondary, Equipment = equipment };
        var now = clock.GetUtcNow();
        return idempotent.RunAsync(
            athlete.Id, input.ClientMutationId, "createExercise", normalized,
            async (db, ct) =>
            {
                if ((await catalog.AllAsync()).Any(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
                    || await db.Exercises.AnyAsync(e => e.OwnerId == athlete.Id && EF.Functions.ILike(e.Name, name.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_")), ct))
                {
                    throw new ExerciseNameTakenException(name);
                }

                if (await db.Exercises.CountAsync(e => e.OwnerId == athlete.Id, ct) >= MaxPerAthlete)
                {
                    throw new ValidationException("name", $"you already have {MaxPerAthlete} custom exercises.");
                }

                var exercise = new Exercise
                {
                    Id = IdOf(input.Id ?? Guid.CreateVersion7(now)),
                    OwnerId = athlete.Id,
                    Name = name,
                    Pattern = input.Pattern,
                    Loading = input.Loading,
                    IsCompound = input.IsCompound,
                    PrimaryMuscles = primary,
                    SecondaryMuscles = secondary,
                    Equipment = equipment,
                };
                db.Exercises.Add(exercise);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } unique)
                {
                    throw unique.ConstraintName == "pk_exercises" ? new ExerciseIdTakenException(exercise.Id) : new ExerciseNameTakenException(name);
                }

                return (exercise, exercise.Id);
            },
            async (db, resultId, ct) => await db.Exercises.AsNoTracking().SingleAsync(e => e.Id == resultId, ct),
            cancellationToken);
    }
}
