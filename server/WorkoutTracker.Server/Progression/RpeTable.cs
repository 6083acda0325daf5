namespace WorkoutTracker.Server.Progression;

/// <summary>
/// The RPE chart of Reactive Training Systems (Mike Tuchscherer): the fraction of the one-rep max a
/// lifter can move for a number of reps at an RPE (rate of perceived exertion, 10 = nothing left,
/// 9 = one rep left, 8.5 = maybe two …). Reps 1–12, RPE 6–10 in half steps.
/// <para>
/// Worked example: 8 reps at RPE 8 is 0.739 of the e1RM, so 100 kg × 8 @ 8 means an e1RM of
/// 100 / 0.739 = 135.32 kg, and 5 reps at RPE 8 from that e1RM is 135.32 × 0.811 = 109.7 kg.
/// </para>
/// The chart depends only on reps + reps in reserve: 8 @ 8 (two in reserve) equals 10 @ 10.
/// </summary>
public static class RpeTable
{
    public const int MinReps = 1;
    public const int MaxReps = 12;
    public const decimal MinRpe = 6m;
    public const decimal MaxRpe = 10m;

    // Rows: RPE 10, 9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6. Columns: reps 1 … 12.
    private static readonly decimal[][] _chart =
    [
        [1.000m, 0.955m, 0.922m, 0.892m, 0.863m, 0.837m, 0.811m, 0.786m, 0.762m, 0.739m, 0.707m, 0.680m],
        [0.978m, 0.939m, 0.907m, 0.878m, 0.850m, 0.824m, 0.799m, 0.774m, 0.751m, 0.723m, 0.694m, 0.667m],
        [0.955m, 0.922m, 0.892m, 0.863m, 0.837m, 0.811m, 0.786m, 0.762m, 0.739m, 0.707m, 0.680m, 0.653m],
        [0.939m, 0.907m, 0.878m, 0.850m, 0.824m, 0.799m, 0.774m, 0.751m, 0.723m, 0.694m, 0.667m, 0.640m],
        [0.922m, 0.892m, 0.863m, 0.837m, 0.811m, 0.786m, 0.762m, 0.739m, 0.707m, 0.680m, 0.653m, 0.626m],
        [0.907m, 0.878m, 0.850m, 0.824m, 0.799m, 0.774m, 0.751m, 0.723m, 0.694m, 0.667m, 0.640m, 0.613m],
        [0.892m, 0.863m, 0.837m, 0.811m, 0.786m, 0.762m, 0.739m, 0.707m, 0.680m, 0.653m, 0.626m, 0.599m],
        [0.878m, 0.850m, 0.824m, 0.799m, 0.774m, 0.751m, 0.723m, 0.694m, 0.667m, 0.640m, 0.613m, 0.586m],
        [0.863m, 0.837m, 0.811m, 0.786m, 0.762m, 0.739m, 0.707m, 0.680m, 0.653m, 0.626m, 0.599m, 0.573m],
    ];

    /// <summary>
    /// The fraction of the e1RM for <paramref name="reps"/> at <paramref name="rpe"/> (8 @ 8 → 0.739).
    /// An RPE between half steps counts as the next harder half step (7.3 → 7.5), which gives the lower
    /// e1RM. Throws outside reps 1–12 and RPE 6–10; use <see cref="TryGetPercentOfMax"/> to test first.
    /// </summary>
    public static decimal PercentOfMax(int reps, decimal rpe) =>
        TryGetPercentOfMax(reps, rpe, out var percent)
            ? percent
            : throw new ArgumentOutOfRangeException(
                nameof(reps), $"The RPE table covers {MinReps}–{MaxReps} reps at RPE {MinRpe}–{MaxRpe}; got {reps} @ {rpe}.");

    /// <summary>Looks up <see cref="PercentOfMax"/>; false when the reps or RPE are outside the chart.</summary>
    public static bool TryGetPercentOfMax(int reps, decimal rpe, out decimal percent)
    {
        percent = 0m;
        var halfSteps = Math.Ceiling(rpe * 2m) / 2m;
        if (reps is < MinReps or > MaxReps || halfSteps < MinRpe || halfSteps > MaxRpe)
        {
            return false;
        }

        var row = (int)((MaxRpe - halfSteps) * 2m);
        percent = _chart[row][reps - 1];
        return true;
    }
}
