using WorkoutTracker.Server.Exercises;

namespace WorkoutTracker.Server.Progression;

/// <summary>
/// What the load is put on, which decides the loads an athlete can actually use
/// (see <see cref="LoadRounding"/>). Finer than <see cref="ExerciseLoading"/>: an EZ bar and a trap bar
/// are loaded with plates like a barbell but weigh less or more when empty.
/// </summary>
public enum LoadImplement
{
    /// <summary>A straight barbell: the bar plus pairs of plates.</summary>
    Barbell,

    /// <summary>An EZ curl bar: a lighter bar plus pairs of plates.</summary>
    EzBar,

    /// <summary>A trap (hex) bar: a heavier bar plus pairs of plates.</summary>
    TrapBar,

    /// <summary>Fixed dumbbells; the load is per hand.</summary>
    Dumbbell,

    /// <summary>Kettlebells in the sizes of <see cref="LoadingSetup.KettlebellSizes"/>.</summary>
    Kettlebell,

    /// <summary>A selectorized weight stack (machines and cables).</summary>
    Stack,

    /// <summary>Bodyweight; the load is what is added with a belt or vest, zero by default.</summary>
    Bodyweight,
}

/// <summary>Finds the implement of a catalog exercise.</summary>
public static class LoadImplements
{
    /// <summary>
    /// The implement an exercise is loaded on: its <see cref="Exercise.Loading"/>, except that a
    /// barbell-loaded exercise needing an <see cref="Equipment.EzBar"/> or <see cref="Equipment.TrapBar"/>
    /// uses that bar (EZ-bar curl → <see cref="LoadImplement.EzBar"/>).
    /// </summary>
    public static LoadImplement For(Exercise exercise) => exercise.Loading switch
    {
        ExerciseLoading.Barbell when exercise.Equipment.Contains(Equipment.EzBar) => LoadImplement.EzBar,
        ExerciseLoading.Barbell when exercise.Equipment.Contains(Equipment.TrapBar) => LoadImplement.TrapBar,
        ExerciseLoading.Barbell => LoadImplement.Barbell,
        ExerciseLoading.Dumbbell => LoadImplement.Dumbbell,
        ExerciseLoading.Kettlebell => LoadImplement.Kettlebell,
        ExerciseLoading.Stack => LoadImplement.Stack,
        _ => LoadImplement.Bodyweight,
    };
}
