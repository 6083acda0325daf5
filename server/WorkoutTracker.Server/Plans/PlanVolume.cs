using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Plans;

/// <summary>
/// Experience decides volume: work sets per exercise by role.
/// <list type="table">
/// <listheader><term>Role</term><description>beginner / intermediate / advanced</description></listheader>
/// <item><term>Main lift</term><description>3 / 4 / 5</description></item>
/// <item><term>Secondary compound</term><description>3 / 3 / 4</description></item>
/// <item><term>Accessory</term><description>2 / 3 / 3</description></item>
/// </list>
/// An accessory that gives a muscle its only exercise of the week may drop to <see cref="MinimumSets"/>
/// to fit a short session, and so may a day's first main lift.
/// </summary>
public static class PlanVolume
{
    /// <summary>The fewest work sets the generator cuts an accessory or secondary compound to.</summary>
    public const int MinimumSets = 2;

    /// <summary>The fewest work sets the generator cuts a main lift to so that every muscle gets trained.</summary>
    public const int MinimumMainSets = 3;

    /// <summary>No day gets more exercises than this, however long the session.</summary>
    public const int MaxExercisesPerDay = 8;

    public static int SetsFor(ExerciseRole role, ExperienceLevel experience) => (role, experience) switch
    {
        (ExerciseRole.Main, ExperienceLevel.Beginner) => 3,
        (ExerciseRole.Main, ExperienceLevel.Intermediate) => 4,
        (ExerciseRole.Main, _) => 5,
        (ExerciseRole.Secondary, ExperienceLevel.Advanced) => 4,
        (ExerciseRole.Secondary, _) => 3,
        (_, ExperienceLevel.Beginner) => 2,
        _ => 3,
    };
}
