namespace WorkoutTracker.Server.Exercises;

/// <summary>The movement an exercise trains; the plan generator fills a day by pattern.</summary>
public enum MovementPattern
{
    Squat,
    Hinge,
    Lunge,
    HorizontalPush,
    VerticalPush,
    HorizontalPull,
    VerticalPull,
    ElbowFlexion,
    ElbowExtension,
    ShoulderIsolation,
    ChestIsolation,
    KneeExtension,
    KneeFlexion,
    HipIsolation,
    Calf,
    Core,
    Carry,
}
