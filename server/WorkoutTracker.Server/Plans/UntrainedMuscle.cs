using WorkoutTracker.Server.Exercises;

namespace WorkoutTracker.Server.Plans;

/// <summary>Why a muscle group has no primary-muscle exercise in a week's plan.</summary>
public enum UntrainedReason
{
    /// <summary>No catalog exercise that trains it as a primary muscle fits the athlete's equipment (with bodyweight alone, e.g., traps and lats).</summary>
    NoExerciseForEquipment,

    /// <summary>Exercises exist, but the sessions are too short to fit one, even after trimming sets, without dropping another muscle's only exercise.</summary>
    NoRoomInSessions,
}

/// <summary>A muscle group the week leaves without a primary-muscle exercise, and why.</summary>
public sealed record UntrainedMuscle(MuscleGroup Muscle, UntrainedReason Reason);
