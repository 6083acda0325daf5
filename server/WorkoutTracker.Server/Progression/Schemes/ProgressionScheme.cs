using System.Text.Json.Serialization;

namespace WorkoutTracker.Server.Progression.Schemes;

/// <summary>
/// A progression rule with its parameters, stored per athlete × exercise in
/// <see cref="ExerciseProgress.Scheme"/> and shown per exercise in the plan. The concrete schemes are
/// <see cref="LinearProgression"/>, <see cref="DoubleProgression"/> and <see cref="RpeProgression"/>;
/// <see cref="Kind"/> tells them apart, and System.Text.Json round-trips them with a <c>"kind"</c>
/// discriminator (<c>"linear"</c>, <c>"double"</c>, <c>"rpe"</c>) so a scheme can be stored as one JSON column.
/// <para>
/// The rules only decide what changes after a session; <see cref="ProgressionEngine"/> judges the
/// session (success or failure, see <see cref="SessionReview"/>), keeps the streak counters, applies the
/// <see cref="Deload"/> rule and rounds loads.
/// </para>
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(LinearProgression), "linear")]
[JsonDerivedType(typeof(DoubleProgression), "double")]
[JsonDerivedType(typeof(RpeProgression), "rpe")]
public abstract record ProgressionScheme
{
    /// <summary>Which rule this is.</summary>
    [JsonIgnore]
    public abstract SchemeKind Kind { get; }

    /// <summary>
    /// The RPE written on every target set. For <see cref="RpeProgression"/> it is part of the target
    /// (a set rated above it fails); for the other schemes it only says how hard the set should feel.
    /// </summary>
    public decimal? TargetRpe { get; init; }

    /// <summary>An optional deload after a run of failed sessions; null for none.</summary>
    public DeloadRule? Deload { get; init; }

    /// <summary>The rep target a new <see cref="ExerciseProgress"/> starts at.</summary>
    [JsonIgnore]
    public abstract int StartingReps { get; }

    /// <summary>Whether a set's RPE is part of meeting its target (only the RPE-based scheme).</summary>
    [JsonIgnore]
    public virtual bool JudgesRpe => false;

    /// <summary>The rep range of a target set when the current rep target is <paramref name="targetReps"/>.</summary>
    public abstract (int Min, int Max) RepRange(int targetReps);

    /// <summary>
    /// Applies the rule to <paramref name="progress"/>, whose streak counters already include this
    /// session. Returns the new load, rep target and counters; the engine then applies the deload rule.
    /// </summary>
    internal abstract ExerciseProgress Next(ExerciseProgress progress, SessionReview review, LoadingSetup setup);

    /// <summary>The same rule with absolute load amounts converted to another unit.</summary>
    internal abstract ProgressionScheme ConvertUnits(WeightUnit from, WeightUnit to);

    /// <summary>Throws <see cref="ArgumentException"/> when a parameter is out of range.</summary>
    public virtual void Validate()
    {
        if (TargetRpe is { } rpe && (rpe < RpeTable.MinRpe || rpe > RpeTable.MaxRpe))
        {
            throw new ArgumentException($"Target RPE must be between {RpeTable.MinRpe} and {RpeTable.MaxRpe}; got {rpe}.");
        }

        Deload?.Validate();
    }
}
