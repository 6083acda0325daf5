namespace WorkoutTracker.Server.Coaching.Agent.Safety;

/// <summary>
/// Where an athlete says it hurts, as a coach plans around it: a joint or region, never a diagnosis.
/// <see cref="PainRules"/> says which movements load each one.
/// </summary>
public enum BodyArea
{
    Neck,
    Shoulder,
    Elbow,
    Wrist,
    Chest,
    UpperBack,
    LowerBack,
    Hip,
    Groin,
    Hamstring,
    Knee,
    Ankle,
}
