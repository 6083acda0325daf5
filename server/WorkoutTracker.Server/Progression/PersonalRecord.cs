namespace WorkoutTracker.Server.Progression;

/// <summary>The records a set can break (see <see cref="PersonalRecords"/>).</summary>
public enum PersonalRecordKind
{
    /// <summary>The heaviest load lifted for at least one rep.</summary>
    HeaviestLoad,

    /// <summary>The most reps at this load (or any heavier one).</summary>
    MostRepsAtLoad,

    /// <summary>The best estimated one-rep max (<see cref="OneRepMax"/>).</summary>
    BestE1rm,
}

/// <summary>
/// A record a set broke: what kind, the new value and the best before it (null when the history had
/// none, i.e. the first work set of the exercise). <see cref="Value"/> is a load for
/// <see cref="PersonalRecordKind.HeaviestLoad"/>, a rep count for <see cref="PersonalRecordKind.MostRepsAtLoad"/>
/// (at <see cref="Load"/>) and an e1RM for <see cref="PersonalRecordKind.BestE1rm"/>.
/// </summary>
public sealed record PersonalRecord(PersonalRecordKind Kind, decimal Value, decimal? Previous, decimal Load);
