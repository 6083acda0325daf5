namespace WorkoutTracker.Server.Progression.Schemes;

/// <summary>
/// The progression rules an exercise can follow. A deload is not a kind of its own: any scheme can
/// carry a <see cref="DeloadRule"/>, and a scheduled deload week applies to every scheme.
/// </summary>
public enum SchemeKind
{
    /// <summary><see cref="LinearProgression"/>: fixed reps, load up after N successes, down after M failures.</summary>
    Linear,

    /// <summary><see cref="DoubleProgression"/>: reps climb through a range, then load goes up.</summary>
    DoubleProgression,

    /// <summary><see cref="RpeProgression"/>: load prescribed from the e1RM for a target reps @ RPE.</summary>
    Rpe,
}
