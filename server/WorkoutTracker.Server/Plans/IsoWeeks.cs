using System.Globalization;

namespace WorkoutTracker.Server.Plans;

/// <summary>ISO-8601 weeks (Monday to Sunday) for plans.</summary>
public static class IsoWeeks
{
    /// <summary>The Monday of the ISO week holding <paramref name="day"/> (Sunday 2026-03-08 → Monday 2026-03-02).</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The ISO year and week number of <paramref name="day"/> (2026-01-01 → 2026-W01; 2027-01-01 → 2026-W53).</summary>
    public static (int Year, int Week) YearAndWeek(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return (ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
    }

    /// <summary>
    /// Weeks since Monday 0001-01-01 (<see cref="DateOnly.MinValue"/> is a Monday): a week counter that
    /// does not restart at new year, used to number rotation blocks.
    /// </summary>
    public static int Ordinal(DateOnly day) => MondayOf(day).DayNumber / 7;
}
