namespace WorkoutTracker.Server.Common.Calendar;

/// <summary>
/// Days and weeks as a user lives them: in their IANA time zone (<c>America/Los_Angeles</c>), Monday to
/// Sunday. A set logged on Sunday evening in California belongs to that Sunday's week, not to the UTC
/// Monday it already is. Plans, body maps and "today" for the Copilot and the coach all read it here.
/// </summary>
public static class AthleteCalendar
{
    public const string DefaultTimeZone = "UTC";

    public const int MaxTimeZoneLength = 64;

    /// <summary>The zone of an IANA id; UTC for an id this machine does not know (stored ids were validated).</summary>
    public static TimeZoneInfo Zone(string? timeZoneId) =>
        timeZoneId is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>Whether <paramref name="timeZoneId"/> is an IANA time zone id this server knows (not a Windows id, not an offset).</summary>
    public static bool IsIanaId(string? timeZoneId) =>
        timeZoneId is { Length: > 0 and <= MaxTimeZoneLength } id &&
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId &&
        (id.Contains('/', StringComparison.Ordinal) || id is "UTC" or "Etc/UTC");

    /// <summary>The calendar day of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The Monday of the week holding <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static DateOnly WeekStartOf(DateTimeOffset instant, TimeZoneInfo zone) => MondayOf(DayOf(instant, zone));

    /// <summary>The Monday of the ISO week holding <paramref name="day"/> (Sunday 2026-03-08 → Monday 2026-03-02).</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
