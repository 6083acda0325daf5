namespace WorkoutTracker.Server.Progression;

/// <summary>
/// The verdict on one exercise in one session (<see cref="ProgressionEngine.Review"/>), loads in the
/// progress's unit.
/// <para>
/// <b>Success</b>, precisely: warm-ups are dropped; the remaining work sets are matched to the target
/// sets in order (first work set ↔ set 1 …); the session succeeds when there are at least as many work
/// sets as targets and every matched set has reps ≥ the target's <see cref="TargetSet.RepsMin"/> and a
/// load ≥ the target's load; for an RPE-based scheme also an RPE ≤ the target RPE when the set was rated
/// (an unrated set is judged on reps and load alone). Extra work sets beyond the targets (back-off
/// sets, an extra AMRAP) never cause a failure but do count toward the e1RM.
/// </para>
/// Example: targets 3×5 @ 100 kg; done 5, 5, 4 → failure; done 5, 5, 5, 3 → success; done 6, 5 → failure (a set missing).
/// </summary>
/// <param name="IsSuccess">Every target set was met (see above).</param>
/// <param name="SetsPrescribed">Number of target sets.</param>
/// <param name="SetsMet">Target sets met by their matched work set.</param>
/// <param name="MinRepsOfPrescribedSets">Fewest reps among the work sets matched to targets (0 when a set is missing).</param>
/// <param name="BestE1rm">Best e1RM among all work sets (<see cref="OneRepMax"/>: RPE chart when rated, Epley otherwise), or null with no reps done.</param>
/// <param name="BestRatedE1rm">Best e1RM among work sets that carry an RPE, or null when none does.</param>
public sealed record SessionReview(
    bool IsSuccess,
    int SetsPrescribed,
    int SetsMet,
    int MinRepsOfPrescribedSets,
    decimal? BestE1rm,
    decimal? BestRatedE1rm);
