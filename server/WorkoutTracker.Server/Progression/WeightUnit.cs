namespace WorkoutTracker.Server.Progression;

/// <summary>
/// The unit a load is written in. Every record that holds loads says which unit they are in
/// (<see cref="ExerciseProgress.Unit"/>, <see cref="SessionOutcome.Unit"/>, the plan's unit);
/// <see cref="WeightConversion"/> moves a value between them.
/// </summary>
public enum WeightUnit
{
    Kg,
    Lb,
}
