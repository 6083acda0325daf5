using WorkoutTracker.Server.Progression.Schemes;

namespace WorkoutTracker.Server.Progression;

/// <summary>
/// Applies progression schemes: judges a session (<see cref="Review"/>), moves an athlete's
/// <see cref="ExerciseProgress"/> forward (<see cref="Advance"/>) and lays out the next session's
/// target sets (<see cref="Prescribe"/>). Pure functions over records; loads are rounded to the
/// athlete's <see cref="LoadingSetup"/> (the default one for the progress's unit when none is given).
/// <para>
/// One <see cref="Advance"/>, in order: (1) a session in a scheduled deload week returns the progress
/// unchanged; (2) the session is judged (success defined on <see cref="SessionReview"/>); (3) the
/// streaks are updated (a success adds to the success streak and clears the failure streak, and the other
/// way round); (4) the scheme's rule sets the next load and rep target (<see cref="LinearProgression"/>,
/// <see cref="DoubleProgression"/>, <see cref="RpeProgression"/>); (5) the scheme's
/// <see cref="DeloadRule"/>, if any, lowers the load when the failure streak reached it; (6) the last e1RM
/// becomes the session's best and the version goes up by one.
/// </para>
/// </summary>
public static class ProgressionEngine
{
    /// <summary>Judges one session of one exercise against its targets; e1RMs in the progress's unit.</summary>
    public static SessionReview Review(ExerciseProgress progress, SessionOutcome outcome)
    {
        CheckOutcome(progress, outcome);
        var work = outcome.WorkSets;
        var targets = outcome.Targets;
        var met = 0;
        var minReps = work.Count < targets.Count ? 0 : int.MaxValue;
        for (var i = 0; i < Math.Min(work.Count, targets.Count); i++)
        {
            minReps = Math.Min(minReps, work[i].Reps);
            if (Meets(work[i], targets[i], progress.Scheme.JudgesRpe))
            {
                met++;
            }
        }

        decimal? best = null;
        decimal? bestRated = null;
        foreach (var set in work.Where(set => set.Reps > 0 && set.Load > 0))
        {
            var e1rm = WeightConversion.Convert(OneRepMax.Estimate(set), outcome.Unit, progress.Unit);
            best = Math.Max(best ?? 0m, e1rm);
            if (set.Rpe is not null)
            {
                bestRated = Math.Max(bestRated ?? 0m, e1rm);
            }
        }

        return new SessionReview(
            IsSuccess: met == targets.Count && work.Count >= targets.Count,
            SetsPrescribed: targets.Count,
            SetsMet: met,
            MinRepsOfPrescribedSets: minReps == int.MaxValue ? 0 : minReps,
            BestE1rm: best is null ? null : Math.Round(best.Value, 2, MidpointRounding.AwayFromZero),
            BestRatedE1rm: bestRated is null ? null : Math.Round(bestRated.Value, 2, MidpointRounding.AwayFromZero));
    }

    /// <summary>
    /// The progress after one session of the exercise (see the class summary for the steps).
    /// Example, linear +2.5 kg after 1 success: 100 kg, targets 3×5, done 5/5/5 → 102.5 kg, version + 1.
    /// </summary>
    /// <exception cref="ArgumentException">The outcome is for another exercise, has no targets, or the scheme's parameters are invalid.</exception>
    public static ExerciseProgress Advance(ExerciseProgress progress, SessionOutcome outcome, LoadingSetup? setup = null)
    {
        progress.Scheme.Validate();
        var loading = SetupFor(progress.Unit, setup);
        if (outcome.WasDeloadWeek)
        {
            CheckOutcome(progress, outcome);
            return progress;
        }

        var review = Review(progress, outcome);
        var counted = review.IsSuccess
            ? progress with { ConsecutiveSuccesses = progress.ConsecutiveSuccesses + 1, ConsecutiveFailures = 0 }
            : progress with { ConsecutiveSuccesses = 0, ConsecutiveFailures = progress.ConsecutiveFailures + 1 };

        var next = counted.Scheme.Next(counted, review, loading);
        if (counted.Scheme.Deload is { } deload && next.ConsecutiveFailures >= deload.AfterFailures)
        {
            next = next.WithRuleLoad(LoadChange.Percent(deload.ReductionPercent).Decrease(next.Load, next.Implement, loading));
        }

        return next with
        {
            LastE1rm = review.BestE1rm ?? progress.LastE1rm,
            Version = progress.Version + 1,
        };
    }

    /// <summary>
    /// The target sets of the next session: <paramref name="workSets"/> sets at the progress's load, the
    /// scheme's rep range for the current rep target, and the scheme's target RPE. In a scheduled deload
    /// week pass <paramref name="deloadPercent"/> (e.g. 10): the load drops by that percentage, rounded to
    /// a loadable weight and at least one step, for this prescription only.
    /// Example: double progression 8–12 at target 10, 60 kg, 3 sets → 3 × (10–12 reps, 60 kg).
    /// </summary>
    public static IReadOnlyList<TargetSet> Prescribe(
        ExerciseProgress progress,
        int workSets,
        decimal deloadPercent = 0m,
        LoadingSetup? setup = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workSets, 1);
        if (deloadPercent is < 0 or >= 100)
        {
            throw new ArgumentOutOfRangeException(nameof(deloadPercent), deloadPercent, "A deload takes 0–100 % off the load.");
        }

        progress.Scheme.Validate();
        var loading = SetupFor(progress.Unit, setup);
        var load = deloadPercent > 0
            ? LoadChange.Percent(deloadPercent).Decrease(progress.Load, progress.Implement, loading)
            : progress.Load;
        var (min, max) = progress.Scheme.RepRange(progress.TargetReps);
        return [.. Enumerable.Range(1, workSets).Select(number => new TargetSet(number, min, max, load, progress.Scheme.TargetRpe))];
    }

    /// <summary>
    /// The athlete (or coach) overrides the load: rounded to a loadable weight, streaks restarted, version + 1.
    /// Example: starting load 20 kg on the squat, the athlete knows 80 kg is right → 80 kg.
    /// </summary>
    public static ExerciseProgress SetLoad(ExerciseProgress progress, decimal load, LoadingSetup? setup = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(load);
        var rounded = LoadRounding.Round(load, progress.Implement, SetupFor(progress.Unit, setup));
        return progress.WithRuleLoad(rounded) with { Version = progress.Version + 1 };
    }

    /// <summary>
    /// The same progress in another unit: load converted and rounded to <paramref name="setup"/> (the
    /// default for <paramref name="unit"/> when null), e1RM and absolute scheme amounts converted.
    /// Example: 100 kg barbell → 220 lb. The version is unchanged (nothing was trained).
    /// </summary>
    public static ExerciseProgress ConvertTo(ExerciseProgress progress, WeightUnit unit, LoadingSetup? setup = null)
    {
        if (progress.Unit == unit)
        {
            return progress;
        }

        var loading = SetupFor(unit, setup);
        return progress with
        {
            Unit = unit,
            Load = LoadRounding.ConvertAndRound(progress.Load, progress.Unit, progress.Implement, loading),
            LastE1rm = progress.LastE1rm is { } e1rm
                ? Math.Round(WeightConversion.Convert(e1rm, progress.Unit, unit), 2, MidpointRounding.AwayFromZero)
                : null,
            Scheme = progress.Scheme.ConvertUnits(progress.Unit, unit),
        };
    }

    internal static LoadingSetup SetupFor(WeightUnit unit, LoadingSetup? setup)
    {
        var loading = setup ?? LoadingSetup.Default(unit);
        return loading.Unit == unit
            ? loading
            : throw new ArgumentException($"The loading setup is in {loading.Unit} but the loads are in {unit}.", nameof(setup));
    }

    private static bool Meets(PerformedSet set, TargetSet target, bool judgeRpe) =>
        set.Reps >= target.RepsMin
        && set.Load >= target.Load
        && (!judgeRpe || set.Rpe is null || target.Rpe is null || set.Rpe <= target.Rpe);

    private static void CheckOutcome(ExerciseProgress progress, SessionOutcome outcome)
    {
        if (!string.Equals(progress.ExerciseId, outcome.ExerciseId, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The outcome is for '{outcome.ExerciseId}' but the progress is for '{progress.ExerciseId}'.", nameof(outcome));
        }

        if (outcome.Targets.Count == 0)
        {
            throw new ArgumentException("An outcome needs the target sets it was prescribed.", nameof(outcome));
        }
    }
}
