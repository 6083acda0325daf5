namespace WorkoutTracker.Server.Progression;

/// <summary>
/// How long the athlete has trained seriously. It decides starting loads (<see cref="StartingLoads"/>),
/// the default progression scheme and, in the plan, the weekly volume.
/// </summary>
public enum ExperienceLevel
{
    /// <summary>Under about a year: linear gains, lighter starts, fewer sets.</summary>
    Beginner,

    /// <summary>One to three years or so.</summary>
    Intermediate,

    /// <summary>Several years; needs more volume and autoregulation to progress.</summary>
    Advanced,
}
