namespace WorkoutTracker.Server.Sessions;

/// <summary>
/// An exercise of a session beyond its plan day's: one the athlete added (search, custom), or a planned one
/// they grouped into a superset. The session screen shows the plan day's exercises, then the added ones.
/// </summary>
public sealed class SessionExercise
{
    public Guid SessionId { get; init; }

    public required string ExerciseId { get; init; }

    /// <summary>Added during the session (not on the plan day).</summary>
    public bool Added { get; set; }

    /// <summary>Exercises with the same group ("A", "B"…) are done as a superset: one set of each in turn, then the rest.</summary>
    public string? SupersetGroup { get; set; }

    /// <summary>Order among the added exercises.</summary>
    public int Position { get; set; }
}
