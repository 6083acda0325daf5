using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;

namespace WorkoutTracker.Server.Progression;

/// <summary>
/// The first load of an exercise swapped into a plan when the athlete has no progress on it, estimated from
/// their progress on the exercise it replaced: a lifter who benches 100 kg does not start dumbbell presses
/// at the beginner's 16 kg. Used only when that progress exists (the athlete's own numbers); otherwise the
/// swapped-in exercise starts like any new one (<see cref="StartingLoads"/>).
/// <list type="number">
/// <item>The replaced exercise's working load, in the athlete's unit, is moved to the new rep target at the
/// same effort: load × %1RM(new reps @ 8) / %1RM(old reps @ 8) (<see cref="RpeTable"/>, reps capped at 12).</item>
/// <item>Then to the new implement, through what a barbell would carry: dumbbells and kettlebells are per
/// hand, so a bar's load is 2.5 times one of them (two dumbbells press about 80 % of a bar); bars and
/// stacks count as they are.</item>
/// <item>An isolation exercise replacing a compound one takes half (an isolation exercise replacing a
/// compound one never takes more).</item>
/// <item>A new movement starts 10 % lighter, rounded down to the athlete's loading setup (too light is the
/// safe error, as for every start), never below the implement's minimum.</item>
/// </list>
/// No estimate (null) when either exercise is bodyweight or timed, or the replaced load is zero.
/// Worked example (kg defaults): barbell bench press at 100 kg × 5 → dumbbell bench press for 8 reps:
/// 100 × 0.739 / 0.811 = 91.1 bar kg → 36.4 kg per hand → × 0.9 = 32.8 → 32 kg dumbbells (2 kg steps).
/// </summary>
public static class SwapStartingLoads
{
    private const decimal Effort = 8m;
    private const decimal NewMovementMargin = 0.9m;
    private const decimal IsolationShare = 0.5m;
    private const decimal BarPerHandLoad = 2.5m;

    /// <summary>The estimated first load of <paramref name="exercise"/> for <paramref name="reps"/> reps in <paramref name="unit"/>, or null.</summary>
    public static decimal? Estimate(Exercise exercise, int reps, Exercise replaced, ExerciseProgress replacedProgress, WeightUnit unit, LoadingSetup setup)
    {
        var to = LoadImplements.For(exercise);
        var from = LoadImplements.For(replaced);
        if (to == LoadImplement.Bodyweight || from == LoadImplement.Bodyweight || replacedProgress.Load <= 0
            || ExerciseMeasures.For(exercise) == TargetMeasure.Seconds || ExerciseMeasures.For(replaced) == TargetMeasure.Seconds)
        {
            return null;
        }

        var load = WeightConversion.Convert(replacedProgress.Load, replacedProgress.Unit, unit);
        load *= RpeTable.PercentOfMax(Math.Clamp(reps, 1, 12), Effort) / RpeTable.PercentOfMax(Math.Clamp(replacedProgress.TargetReps, 1, 12), Effort);
        load = load * BarEquivalent(from) / BarEquivalent(to);
        if (replaced.IsCompound && !exercise.IsCompound)
        {
            load *= IsolationShare;
        }

        return LoadRounding.Round(load * NewMovementMargin, to, ProgressionEngine.SetupFor(unit, setup), RoundingDirection.Down);
    }

    /// <summary>How much bar load one unit of this implement's load stands for.</summary>
    private static decimal BarEquivalent(LoadImplement implement) =>
        implement is LoadImplement.Dumbbell or LoadImplement.Kettlebell ? BarPerHandLoad : 1m;
}
