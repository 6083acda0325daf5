namespace WorkoutTracker.Server.Exercises;

/// <summary>What to look for in the catalog; every given criterion must hold.</summary>
public sealed record ExerciseFilter
{
    /// <summary>Exercises that train this muscle as a primary mover (or also as a synergist, with <see cref="IncludeSecondary"/>).</summary>
    public MuscleGroup? Muscle { get; init; }

    public bool IncludeSecondary { get; init; }

    /// <summary>The equipment at hand: only exercises that need nothing else.</summary>
    public IReadOnlyList<Equipment>? AvailableEquipment { get; init; }

    public MovementPattern? Pattern { get; init; }

    /// <summary>Part of the name, case-insensitive.</summary>
    public string? Search { get; init; }

    /// <summary>The athlete's most recently used exercises first (then by name).</summary>
    public bool RecentFirst { get; init; }
}
