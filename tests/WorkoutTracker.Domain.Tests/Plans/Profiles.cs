using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Domain.Tests.Plans;

/// <summary>Profiles, weeks and a shortcut to generate plans in tests.</summary>
internal static class Profiles
{
    /// <summary>Wednesday of ISO week 2026-W10; its Monday is 2026-03-02.</summary>
    public static readonly DateOnly Week = new(2026, 3, 4);

    public static readonly IReadOnlyDictionary<string, ExerciseProgress> NoProgress = new Dictionary<string, ExerciseProgress>();

    public static TrainingProfile FullGym(
        int days = 3,
        TrainingGoal goal = TrainingGoal.Hypertrophy,
        ExperienceLevel experience = ExperienceLevel.Intermediate,
        int minutes = 60) => new()
        {
            Goal = goal,
            DaysPerWeek = days,
            Experience = experience,
            Equipment = TrainingProfile.FullGym,
            SessionMinutes = minutes,
        };

    public static WeeklyPlan Generate(TrainingProfile profile, DateOnly? week = null, IReadOnlyDictionary<string, ExerciseProgress>? progress = null) =>
        PlanGenerator.Generate(profile, ExerciseCatalog.All, progress ?? NoProgress, week ?? Week);

    public static Exercise Exercise(string id) => ExerciseCatalog.All.Single(e => e.Id == id);

    public static IEnumerable<PlannedExercise> AllExercises(this WeeklyPlan plan) => plan.Days.SelectMany(d => d.Exercises);

    public static IEnumerable<(TrainingGoal Goal, ExperienceLevel Experience)> GoalsAndLevels() =>
        from goal in Enum.GetValues<TrainingGoal>()
        from experience in Enum.GetValues<ExperienceLevel>()
        select (goal, experience);
}
