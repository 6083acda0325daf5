namespace WorkoutTracker.Server.Exercises;

/// <summary>How load is put on the exercise, which decides the increments a load rounds to.</summary>
public enum ExerciseLoading
{
    /// <summary>A bar loaded with plates on both sides: loads move in twice the smallest plate.</summary>
    Barbell,

    /// <summary>Fixed dumbbells in a rack: load is per hand, in the rack's steps.</summary>
    Dumbbell,

    /// <summary>Kettlebells in the common sizes.</summary>
    Kettlebell,

    /// <summary>A selectorized stack on a machine or cable.</summary>
    Stack,

    /// <summary>Bodyweight; load is what is added (belt, vest), zero by default.</summary>
    Bodyweight,
}
