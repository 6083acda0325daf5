namespace WorkoutTracker.Server.Plans;

/// <summary>
/// Scheduled deload weeks: every <see cref="EveryNthWeek"/>-th week counted from
/// <see cref="FirstWeek"/> (its own ISO week is week 1) lowers every prescribed load by
/// <see cref="LoadReductionPercent"/>. Worked example: every 4th week from Monday 2026-01-05 → the weeks
/// of 2026-01-26, 2026-02-23, … are deloads. Weeks before <see cref="FirstWeek"/> never are.
/// Progress is not moved by sessions of a deload week (see <c>SessionOutcome.WasDeloadWeek</c>).
/// </summary>
/// <param name="EveryNthWeek">The cycle length in weeks, 2 or more (4–6 is usual).</param>
/// <param name="FirstWeek">Any day in the first week of the cycle.</param>
/// <param name="LoadReductionPercent">How much lighter the deload week is, in percent (default 10).</param>
public sealed record DeloadSchedule(int EveryNthWeek, DateOnly FirstWeek, decimal LoadReductionPercent = 10m)
{
    /// <summary>Whether the ISO week holding <paramref name="day"/> is a deload week.</summary>
    public bool IsDeloadWeek(DateOnly day)
    {
        var weeks = (IsoWeeks.MondayOf(day).DayNumber - IsoWeeks.MondayOf(FirstWeek).DayNumber) / 7;
        return weeks >= 0 && EveryNthWeek > 0 && (weeks + 1) % EveryNthWeek == 0;
    }
}
