namespace WorkoutTracker.Server.Progression;

/// <summary>
/// Estimated one-rep max (e1RM) from a set, in the set's unit, rounded to 0.01.
/// <list type="number">
/// <item>With an RPE inside the <see cref="RpeTable"/> (reps 1–12, RPE 6–10): load ÷ chart fraction.
/// 100 kg × 8 @ 8 → 100 / 0.739 = 135.32 kg.</item>
/// <item>With an RPE outside the chart (more than 12 reps, or below RPE 6): Epley on the reps the lifter
/// could have done, reps + (10 − RPE). 60 kg × 15 @ 8 → 60 × (1 + 17/30) = 94 kg.</item>
/// <item>Without an RPE: Epley, load × (1 + reps / 30), which assumes the set went to failure (the
/// conservative reading). 100 kg × 5 → 116.67 kg. A single is its own max: 140 kg × 1 → 140 kg.</item>
/// </list>
/// A set of zero reps estimates nothing (0).
/// </summary>
public static class OneRepMax
{
    /// <summary>The e1RM of <paramref name="load"/> lifted <paramref name="reps"/> times at an optional <paramref name="rpe"/>.</summary>
    public static decimal Estimate(decimal load, int reps, decimal? rpe = null)
    {
        if (reps <= 0 || load <= 0)
        {
            return 0m;
        }

        if (rpe is { } effort)
        {
            if (RpeTable.TryGetPercentOfMax(reps, effort, out var percent))
            {
                return Math.Round(load / percent, 2, MidpointRounding.AwayFromZero);
            }

            var inReserve = (int)Math.Max(0m, Math.Floor(RpeTable.MaxRpe - effort));
            return Epley(load, reps + inReserve);
        }

        return Epley(load, reps);
    }

    /// <summary>The e1RM of a performed set (see <see cref="Estimate(decimal, int, decimal?)"/>).</summary>
    public static decimal Estimate(PerformedSet set) => Estimate(set.Load, set.Reps, set.Rpe);

    /// <summary>
    /// The best e1RM of an exercise over a history of sets (all in one unit), warm-ups ignored; null when
    /// no work set has reps. Example: 100 × 5 (116.67) and 100 × 3 @ 8 (115.87) → 116.67.
    /// </summary>
    public static decimal? Best(IEnumerable<PerformedSet> sets)
    {
        var estimates = sets.Where(s => !s.IsWarmup).Select(Estimate).Where(e => e > 0).ToList();
        return estimates.Count == 0 ? null : estimates.Max();
    }

    /// <summary>Epley's formula: load × (1 + reps / 30); a single is the load itself.</summary>
    public static decimal Epley(decimal load, int reps) => reps switch
    {
        <= 0 => 0m,
        1 => load,
        // load × (30 + reps) / 30 rounds the exact value: (1 + reps / 30) would first round reps / 30 to 28
        // digits and land 312.375 × 5 on 354.02 instead of 354.025 → 354.03. PostgreSQL's set_e1rm does the same.
        _ => Math.Round(load * (30 + reps) / 30m, 2, MidpointRounding.AwayFromZero),
    };

    /// <summary>
    /// The (unrounded) load for <paramref name="reps"/> at <paramref name="rpe"/> from an e1RM, by the
    /// <see cref="RpeTable"/>: e1RM 150 kg, 5 @ 8 → 150 × 0.811 = 121.65 kg. Round it with <see cref="LoadRounding"/>.
    /// </summary>
    public static decimal LoadFor(decimal e1rm, int reps, decimal rpe) => e1rm * RpeTable.PercentOfMax(reps, rpe);
}
