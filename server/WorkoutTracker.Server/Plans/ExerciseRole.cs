namespace WorkoutTracker.Server.Plans;

/// <summary>The part an exercise plays in a day; decides its sets, rest and default scheme.</summary>
public enum ExerciseRole
{
    /// <summary>The day's main lift: a staple compound (squat, bench, deadlift, press, row, pull-up), stable across weeks.</summary>
    Main,

    /// <summary>A second compound movement, rotated between training blocks.</summary>
    Secondary,

    /// <summary>Isolation or small-muscle work that rounds out the week's muscles, rotated between blocks.</summary>
    Accessory,
}
