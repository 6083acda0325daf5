using System.Text.Json.Serialization;

namespace WorkoutTracker.Server.Progression.Schemes;

/// <summary>
/// RPE-based progression (Liftosaur's RPE/e1RM programming, RTS style): every session estimates the
/// e1RM from the best work set the athlete rated (load, reps and RPE through the <see cref="RpeTable"/>)
/// and prescribes the next load as the e1RM × the chart fraction for <see cref="Reps"/> at
/// <see cref="ProgressionScheme.TargetRpe"/>, rounded to the nearest loadable weight. Sets without an
/// RPE do not move the load (the scheme cannot read effort that was not rated); when no work set was
/// rated the load stays. A set meets its target when its reps reach <see cref="Reps"/> and its RPE, if
/// rated, is at or below the target RPE; failures feed the streak and the optional deload rule.
/// <para>
/// Worked example (5 @ 8): 100 kg × 5 @ 7 → e1RM 100 / 0.786 = 127.23 kg → next 127.23 × 0.811 =
/// 103.18 → 102.5 kg. 100 kg × 5 @ 9 → e1RM 119.47 → next 96.89 → 97.5 kg.
/// </para>
/// </summary>
public sealed record RpeProgression : ProgressionScheme
{
    [JsonIgnore]
    public override SchemeKind Kind => SchemeKind.Rpe;

    /// <summary>Reps per work set (1–12, the chart's range).</summary>
    public required int Reps { get; init; }

    public override int StartingReps => Reps;

    public override bool JudgesRpe => true;

    public override (int Min, int Max) RepRange(int targetReps) => (Reps, Reps);

    internal override ExerciseProgress Next(ExerciseProgress progress, SessionReview review, LoadingSetup setup)
    {
        var next = progress with { TargetReps = Reps };
        if (review.BestRatedE1rm is not { } e1rm || TargetRpe is not { } rpe)
        {
            return next;
        }

        return next with { Load = LoadRounding.Round(OneRepMax.LoadFor(e1rm, Reps, rpe), progress.Implement, setup) };
    }

    internal override ProgressionScheme ConvertUnits(WeightUnit from, WeightUnit to) => this;

    public override void Validate()
    {
        base.Validate();
        if (TargetRpe is null || !RpeTable.TryGetPercentOfMax(Reps, TargetRpe.Value, out _))
        {
            throw new ArgumentException(
                $"RPE progression needs {RpeTable.MinReps}–{RpeTable.MaxReps} reps and a target RPE {RpeTable.MinRpe}–{RpeTable.MaxRpe}; got {Reps} @ {TargetRpe}.");
        }
    }
}
