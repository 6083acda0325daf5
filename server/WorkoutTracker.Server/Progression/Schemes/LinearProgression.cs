using System.Text.Json.Serialization;

namespace WorkoutTracker.Server.Progression.Schemes;

/// <summary>
/// Linear progression (Liftosaur's "linear", the Starting Strength / 5×5 rule): a fixed rep target;
/// after <see cref="SuccessesToIncrease"/> successful sessions in a row the load goes up by
/// <see cref="Increment"/>, after <see cref="FailuresToDecrease"/> failed sessions in a row it comes
/// down by <see cref="Decrement"/>. Either change restarts both streaks.
/// <para>
/// Worked example (<c>Reps = 5, Increment = Absolute(2.5), SuccessesToIncrease = 3</c>): 100 kg for
/// 3×5 succeeds, succeeds, succeeds → 102.5 kg. With <c>Decrement = Percent(10), FailuresToDecrease = 3</c>:
/// 100 kg fails three sessions in a row → 90 kg.
/// </para>
/// </summary>
public sealed record LinearProgression : ProgressionScheme
{
    [JsonIgnore]
    public override SchemeKind Kind => SchemeKind.Linear;

    /// <summary>Reps per work set.</summary>
    public required int Reps { get; init; }

    /// <summary>What to add after enough successes (default one loadable step).</summary>
    public LoadChange Increment { get; init; } = LoadChange.Steps(1);

    /// <summary>Successful sessions in a row before the load goes up (default 1: every session).</summary>
    public int SuccessesToIncrease { get; init; } = 1;

    /// <summary>What to take off after enough failures (default 10 %); null never lowers the load by this rule.</summary>
    public LoadChange? Decrement { get; init; } = LoadChange.Percent(10m);

    /// <summary>Failed sessions in a row before the load comes down (default 3).</summary>
    public int FailuresToDecrease { get; init; } = 3;

    public override int StartingReps => Reps;

    public override (int Min, int Max) RepRange(int targetReps) => (Reps, Reps);

    internal override ExerciseProgress Next(ExerciseProgress progress, SessionReview review, LoadingSetup setup)
    {
        var next = progress with { TargetReps = Reps };
        if (review.IsSuccess && progress.ConsecutiveSuccesses >= SuccessesToIncrease)
        {
            return next.WithRuleLoad(Increment.Increase(progress.Load, progress.Implement, setup));
        }

        if (!review.IsSuccess && Decrement is not null && progress.ConsecutiveFailures >= FailuresToDecrease)
        {
            return next.WithRuleLoad(Decrement.Decrease(progress.Load, progress.Implement, setup));
        }

        return next;
    }

    internal override ProgressionScheme ConvertUnits(WeightUnit from, WeightUnit to) => this with
    {
        Increment = Increment.ConvertUnits(from, to),
        Decrement = Decrement?.ConvertUnits(from, to),
    };

    public override void Validate()
    {
        base.Validate();
        if (Reps < 1 || SuccessesToIncrease < 1 || FailuresToDecrease < 1)
        {
            throw new ArgumentException(
                $"Linear progression needs reps, successes and failures of at least 1; got {Reps}, {SuccessesToIncrease}, {FailuresToDecrease}.");
        }

        Increment.Validate(nameof(Increment));
        Decrement?.Validate(nameof(Decrement));
    }
}
