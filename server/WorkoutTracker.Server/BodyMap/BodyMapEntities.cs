using WorkoutTracker.Server.Exercises;

namespace WorkoutTracker.Server.BodyMap;

/// <summary>An athlete's week on the body map; its version bumps on every set change in that week.</summary>
public sealed class BodyMapWeek
{
    public Guid AthleteId { get; init; }

    /// <summary>Monday of the week, in the athlete's time zone.</summary>
    public DateOnly WeekStart { get; init; }

    public int Version { get; set; }
}

/// <summary>One muscle's training in one athlete's week.</summary>
public sealed class BodyMapMuscle
{
    public Guid AthleteId { get; init; }

    public DateOnly WeekStart { get; init; }

    public MuscleGroup Muscle { get; init; }

    /// <summary>Hard sets: primary 1 each, secondary 0.5 each.</summary>
    public decimal HardSets { get; set; }

    /// <summary>Reps of work sets, weighted the same way.</summary>
    public decimal TotalReps { get; set; }

    /// <summary>Load × reps of work sets in kilograms, weighted the same way.</summary>
    public decimal VolumeLoadKg { get; set; }
}
