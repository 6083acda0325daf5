namespace WorkoutTracker.Server.Exercises;

/// <summary>
/// An exercise of the catalog. Its id is a stable slug ("barbell-back-squat") so plans, sets and
/// clients can refer to it across databases.
/// </summary>
public sealed class Exercise
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required MovementPattern Pattern { get; set; }

    public required ExerciseLoading Loading { get; set; }

    /// <summary>Multi-joint lifts are programmed first in a day and progressed by load.</summary>
    public required bool IsCompound { get; set; }

    /// <summary>Muscles that do most of the work; each set counts 1 toward their weekly volume.</summary>
    public required List<MuscleGroup> PrimaryMuscles { get; set; }

    /// <summary>Muscles that assist; each set counts 0.5 toward their weekly volume.</summary>
    public required List<MuscleGroup> SecondaryMuscles { get; set; }

    /// <summary>Everything the exercise needs; an athlete can do it when they have all of it.</summary>
    public required List<Equipment> Equipment { get; set; }

    /// <summary>The athlete who made this exercise (a custom one, seen by them and their coaches); null for the catalog.</summary>
    public Guid? OwnerId { get; init; }

    public bool IsCustom => OwnerId is not null;
}
