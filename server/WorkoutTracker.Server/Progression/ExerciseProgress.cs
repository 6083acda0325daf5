using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Progression.Schemes;

namespace WorkoutTracker.Server.Progression;

/// <summary>
/// Where one athlete stands on one exercise: the scheme it follows, the load and rep target of the
/// next session, the streaks of successful and failed sessions, and the last e1RM. It is a value:
/// <see cref="ProgressionEngine.Advance"/> returns a new one and never changes this one.
/// Create the first with <see cref="Start"/>.
/// </summary>
public sealed record ExerciseProgress
{
    /// <summary>The catalog exercise id.</summary>
    public required string ExerciseId { get; init; }

    /// <summary>What the load goes on; decides rounding (<see cref="LoadImplements.For"/>).</summary>
    public required LoadImplement Implement { get; init; }

    /// <summary>The progression rule and its parameters.</summary>
    public required ProgressionScheme Scheme { get; init; }

    /// <summary>The unit of <see cref="Load"/>, <see cref="LastE1rm"/> and the scheme's absolute amounts.</summary>
    public required WeightUnit Unit { get; init; }

    /// <summary>The load of the next session's work sets (per hand for dumbbells, added load for bodyweight).</summary>
    public required decimal Load { get; init; }

    /// <summary>The rep target of the next session (seconds for a timed exercise).</summary>
    public required int TargetReps { get; init; }

    /// <summary>Successful sessions in a row since the last failure or rule-made load change.</summary>
    public int ConsecutiveSuccesses { get; init; }

    /// <summary>Failed sessions in a row since the last success or rule-made load change.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>The best e1RM of the last session, or null before the first.</summary>
    public decimal? LastE1rm { get; init; }

    /// <summary>Bumped by every <see cref="ProgressionEngine.Advance"/> that changes the state; 0 for a new progress. Use it in ETags and for optimistic concurrency.</summary>
    public int Version { get; init; }

    /// <summary>
    /// A new progress for <paramref name="exercise"/>: the scheme's starting reps, a conservative
    /// starting load (<see cref="StartingLoads"/>) rounded to <paramref name="setup"/>, no streaks, version 0.
    /// </summary>
    public static ExerciseProgress Start(
        Exercise exercise,
        ProgressionScheme scheme,
        ExperienceLevel experience,
        WeightUnit unit,
        LoadingSetup? setup = null)
    {
        scheme.Validate();
        var implement = LoadImplements.For(exercise);
        var loading = ProgressionEngine.SetupFor(unit, setup);
        return new ExerciseProgress
        {
            ExerciseId = exercise.Id,
            Implement = implement,
            Scheme = scheme,
            Unit = unit,
            Load = LoadRounding.Round(StartingLoads.For(exercise, experience, unit, loading), implement, loading),
            TargetReps = scheme.StartingReps,
        };
    }

    /// <summary>Sets a load chosen by a rule and restarts both streaks.</summary>
    internal ExerciseProgress WithRuleLoad(decimal load) =>
        this with { Load = load, ConsecutiveSuccesses = 0, ConsecutiveFailures = 0 };
}
