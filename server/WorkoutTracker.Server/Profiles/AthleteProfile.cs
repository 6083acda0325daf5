using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Profiles;

/// <summary>
/// How an athlete trains, stored. <see cref="PlanVersion"/> bumps on every change (the plan is
/// regenerated from it); <see cref="ProgressionVersion"/> bumps whenever a finished session moves an
/// exercise's progression. Together with <see cref="UpdatedAt"/> they make the weekly plan's ETag.
/// </summary>
public sealed class AthleteProfile
{
    public Guid UserId { get; init; }

    public TrainingGoal Goal { get; set; } = TrainingGoal.GeneralFitness;

    public int DaysPerWeek { get; set; } = 3;

    public ExperienceLevel Experience { get; set; } = ExperienceLevel.Beginner;

    public List<Equipment> Equipment { get; set; } = [.. TrainingProfile.FullGym];

    public int SessionMinutes { get; set; } = 60;

    public WeightUnit Units { get; set; } = WeightUnit.Kg;

    /// <summary>The gym's bars, plates and steps, in <see cref="Units"/>; null for the unit's default.</summary>
    public LoadingSetup? Loading { get; set; }

    public int PlanVersion { get; set; } = 1;

    public int ProgressionVersion { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The profile as the plan generator reads it.</summary>
    public TrainingProfile ToTrainingProfile() => new()
    {
        Goal = Goal,
        DaysPerWeek = DaysPerWeek,
        Experience = Experience,
        Equipment = Equipment.ToHashSet(),
        SessionMinutes = SessionMinutes,
        Units = Units,
        Loading = Loading?.Unit == Units ? Loading : null,
        PlanVersion = PlanVersion,
    };
}
