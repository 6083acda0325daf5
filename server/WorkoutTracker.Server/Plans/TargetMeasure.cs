using WorkoutTracker.Server.Exercises;

namespace WorkoutTracker.Server.Plans;

/// <summary>What a planned exercise's reps count.</summary>
public enum TargetMeasure
{
    /// <summary>Repetitions.</summary>
    Reps,

    /// <summary>Seconds: holds (planks) and loaded carries. Rep ranges and logged reps are seconds.</summary>
    Seconds,
}

/// <summary>Which catalog exercises are done for time rather than reps.</summary>
public static class ExerciseMeasures
{
    // Static holds of the catalog; carries are recognised by their pattern. Catalog ids never change.
    private static readonly HashSet<string> _holds = new(StringComparer.Ordinal) { "plank", "side-plank", "copenhagen-plank" };

    /// <summary>Seconds for carries and static holds, reps for everything else.</summary>
    public static TargetMeasure For(Exercise exercise) =>
        exercise.Pattern == MovementPattern.Carry || _holds.Contains(exercise.Id) ? TargetMeasure.Seconds : TargetMeasure.Reps;
}
