namespace WorkoutTracker.Server.Progression.Schemes;

/// <summary>
/// A deload after a run of failures, attached to any scheme (<see cref="ProgressionScheme.Deload"/>):
/// when <see cref="AfterFailures"/> sessions in a row fail, the load drops by
/// <see cref="ReductionPercent"/> (rounded to a loadable weight, at least one step, never below the
/// empty bar) and the streaks restart. Worked example with the defaults: 100 kg fails three sessions in
/// a row → next session 90 kg. A scheduled deload week is separate: it lowers the prescribed load for
/// that week only (see <see cref="ProgressionEngine.Prescribe"/>) and leaves the progress as it was.
/// </summary>
public sealed record DeloadRule
{
    /// <summary>Failed sessions in a row that trigger the deload (default 3).</summary>
    public int AfterFailures { get; init; } = 3;

    /// <summary>How much of the load to take off, in percent (default 10).</summary>
    public decimal ReductionPercent { get; init; } = 10m;

    internal void Validate()
    {
        if (AfterFailures < 1 || ReductionPercent is <= 0 or >= 100)
        {
            throw new ArgumentException(
                $"A deload needs at least one failure and a reduction between 0 and 100 %; got {AfterFailures} failures, {ReductionPercent} %.");
        }
    }
}
