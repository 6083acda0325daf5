namespace WorkoutTracker.Server.Exercises;

/// <summary>Equipment an exercise needs and an athlete may have available.</summary>
public enum Equipment
{
    Barbell,
    Dumbbell,
    Kettlebell,
    Machine,
    Cable,
    Bodyweight,
    PullUpBar,
    Bench,
    SquatRack,
    DipStation,
    ResistanceBand,
    EzBar,
    TrapBar,
}
