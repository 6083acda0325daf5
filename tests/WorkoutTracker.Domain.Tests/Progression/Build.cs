using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Progression.Schemes;

namespace WorkoutTracker.Domain.Tests.Progression;

/// <summary>Small builders so each test states only what it is about.</summary>
internal static class Build
{
    public const string Squat = "barbell-back-squat";

    public static ExerciseProgress Progress(
        ProgressionScheme scheme,
        decimal load,
        int? targetReps = null,
        LoadImplement implement = LoadImplement.Barbell,
        WeightUnit unit = WeightUnit.Kg,
        string exerciseId = Squat) => new()
        {
            ExerciseId = exerciseId,
            Implement = implement,
            Scheme = scheme,
            Unit = unit,
            Load = load,
            TargetReps = targetReps ?? scheme.StartingReps,
        };

    /// <summary>An outcome whose targets are the progress's own prescription, with the given work sets.</summary>
    public static SessionOutcome Outcome(ExerciseProgress progress, int targetSets, params PerformedSet[] sets) =>
        new(progress.ExerciseId, progress.Unit, ProgressionEngine.Prescribe(progress, targetSets), sets);

    /// <summary>Work sets at one load with the given reps.</summary>
    public static PerformedSet[] Sets(decimal load, params int[] reps) => [.. reps.Select(r => new PerformedSet(load, r))];

    /// <summary>Work sets at one load and one RPE with the given reps.</summary>
    public static PerformedSet[] RatedSets(decimal load, decimal rpe, params int[] reps) => [.. reps.Select(r => new PerformedSet(load, r, rpe))];

    /// <summary>Advances <paramref name="progress"/> through sessions that each do <paramref name="sets"/>.</summary>
    public static ExerciseProgress AdvanceTimes(ExerciseProgress progress, int times, Func<ExerciseProgress, PerformedSet[]> sets, int targetSets = 3)
    {
        for (var i = 0; i < times; i++)
        {
            progress = ProgressionEngine.Advance(progress, Outcome(progress, targetSets, sets(progress)));
        }

        return progress;
    }
}
