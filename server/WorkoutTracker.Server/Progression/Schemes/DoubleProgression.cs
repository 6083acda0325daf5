using System.Text.Json.Serialization;

namespace WorkoutTracker.Server.Progression.Schemes;

/// <summary>
/// Double progression (Liftosaur's "double progression"): the load stays while the rep target climbs
/// from <see cref="RepsMin"/> to <see cref="RepsMax"/>, <see cref="RepStep"/> reps per successful
/// session; once every work set reaches <see cref="RepsMax"/> the load goes up by
/// <see cref="Increment"/> and the target returns to <see cref="RepsMin"/>. A failed session changes
/// nothing (pair it with a <see cref="ProgressionScheme.Deload"/> rule to back off after a run of them).
/// If every set already reaches the top while the target is lower, the load goes up at once rather than
/// climbing one rep a session through reps already done.
/// <para>
/// Worked example (8–12, 60 kg): 3×8 done → target 9; … 3×12 done at target 12 → 62.5 kg, target 8.
/// Timed work uses the same rule in seconds (20–40 s, <c>RepStep = 5</c>).
/// </para>
/// </summary>
public sealed record DoubleProgression : ProgressionScheme
{
    [JsonIgnore]
    public override SchemeKind Kind => SchemeKind.DoubleProgression;

    /// <summary>Bottom of the range: the target after a load increase.</summary>
    public required int RepsMin { get; init; }

    /// <summary>Top of the range: every set reaching it puts the load up.</summary>
    public required int RepsMax { get; init; }

    /// <summary>Reps added to the target per successful session (default 1).</summary>
    public int RepStep { get; init; } = 1;

    /// <summary>What to add at the top of the range (default one loadable step).</summary>
    public LoadChange Increment { get; init; } = LoadChange.Steps(1);

    public override int StartingReps => RepsMin;

    public override (int Min, int Max) RepRange(int targetReps) => (Math.Clamp(targetReps, RepsMin, RepsMax), RepsMax);

    internal override ExerciseProgress Next(ExerciseProgress progress, SessionReview review, LoadingSetup setup)
    {
        var target = Math.Clamp(progress.TargetReps, RepsMin, RepsMax);
        if (!review.IsSuccess)
        {
            return progress with { TargetReps = target };
        }

        if (review.MinRepsOfPrescribedSets >= RepsMax)
        {
            return progress.WithRuleLoad(Increment.Increase(progress.Load, progress.Implement, setup)) with { TargetReps = RepsMin };
        }

        return progress with { TargetReps = Math.Min(target + RepStep, RepsMax) };
    }

    internal override ProgressionScheme ConvertUnits(WeightUnit from, WeightUnit to) =>
        this with { Increment = Increment.ConvertUnits(from, to) };

    public override void Validate()
    {
        base.Validate();
        if (RepsMin < 1 || RepsMax < RepsMin || RepStep < 1)
        {
            throw new ArgumentException($"Double progression needs 1 ≤ min ≤ max and a step ≥ 1; got {RepsMin}–{RepsMax} by {RepStep}.");
        }

        Increment.Validate(nameof(Increment));
    }
}
