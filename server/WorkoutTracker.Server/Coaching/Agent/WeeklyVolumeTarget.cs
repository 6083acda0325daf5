using WorkoutTracker.Server.Coaching.Agent.Plugins;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Coaching.Agent;

/// <summary>
/// How many hard sets a week per muscle the coach counts as enough, by goal and experience (a set counts
/// fully for its primary muscles and half for the secondary ones, as in the body map). Common ranges from
/// the training literature, narrower for beginners, who grow on less:
/// strength 6–10 / 8–12 / 10–15, muscle size 8–12 / 10–16 / 12–20, general fitness 4–8 / 6–10 / 8–12
/// (beginner / intermediate / advanced). A muscle under the lower bound for a complete week "could use
/// more"; within the range is enough; above the upper bound is more than the goal needs.
/// </summary>
public sealed record WeeklyVolumeTarget(TrainingGoal Goal, ExperienceLevel Experience, decimal Min, decimal Max)
{
    public static WeeklyVolumeTarget For(TrainingGoal goal, ExperienceLevel experience)
    {
        var (min, max) = (goal, experience) switch
        {
            (TrainingGoal.Strength, ExperienceLevel.Beginner) => (6m, 10m),
            (TrainingGoal.Strength, ExperienceLevel.Intermediate) => (8m, 12m),
            (TrainingGoal.Strength, _) => (10m, 15m),
            (TrainingGoal.Hypertrophy, ExperienceLevel.Beginner) => (8m, 12m),
            (TrainingGoal.Hypertrophy, ExperienceLevel.Intermediate) => (10m, 16m),
            (TrainingGoal.Hypertrophy, _) => (12m, 20m),
            (_, ExperienceLevel.Beginner) => (4m, 8m),
            (_, ExperienceLevel.Intermediate) => (6m, 10m),
            _ => (8m, 12m),
        };
        return new WeeklyVolumeTarget(goal, experience, min, max);
    }

    private string RefPrefix => $"{PluginJson.Constant(Goal)}:{PluginJson.Constant(Experience)}";

    public Citation MinCitation => new(CitationKind.Target, $"{RefPrefix}:weeklyHardSetsMin", Min);

    public Citation MaxCitation => new(CitationKind.Target, $"{RefPrefix}:weeklyHardSetsMax", Max);

    public IEnumerable<Citation> Citations => [MinCitation, MaxCitation];

    public VolumeVerdict Judge(decimal hardSets) => hardSets < Min ? VolumeVerdict.Under : hardSets > Max ? VolumeVerdict.Over : VolumeVerdict.Enough;

    /// <summary>The goal as a lifter says it: "strength", "muscle size", "general fitness".</summary>
    public string GoalWords => Goal switch
    {
        TrainingGoal.Hypertrophy => "muscle size",
        TrainingGoal.GeneralFitness => "general fitness",
        _ => "strength",
    };
}

public enum VolumeVerdict
{
    Under,
    Enough,
    Over,
}
