namespace WorkoutTracker.Server.Plans;

/// <summary>What the athlete trains for; decides rep ranges, target RPE and the default progression scheme.</summary>
public enum TrainingGoal
{
    /// <summary>Heavier, 3–6 reps on the compounds, RPE 8.</summary>
    Strength,

    /// <summary>Muscle size: 8–12 reps, RPE 8 on compounds and 9 on isolation work.</summary>
    Hypertrophy,

    /// <summary>General fitness: 8–15 reps, RPE 7.</summary>
    GeneralFitness,
}
