using GraphQL;
using WorkoutTracker.Server.GraphQL;

namespace WorkoutTracker.Server.Coaching;

public static class AthleteArgument
{
    /// <summary>
    /// The athlete a field reads: its <c>athleteId</c> argument when given (the caller must be that athlete
    /// or a linked coach, else FORBIDDEN), the signed-in athlete otherwise.
    /// </summary>
    /// <summary>
    /// The <c>weekStart</c> argument (a Monday), or the athlete's this week in their time zone when it is not given.
    /// </summary>
    public static async Task<DateOnly> GetWeekArgumentAsync(this IResolveFieldContext context, Guid athleteId)
    {
        var clock = context.RequestServices!.GetRequiredService<TimeProvider>();
        if (context.GetArgument<DateOnly?>("weekStart") is { } weekStart)
        {
            return BodyMap.BodyMapQueries.WeekArgument(weekStart, clock, TimeZoneInfo.Utc);
        }

        var zone = await context.RequestServices!.GetRequiredService<AthleteAccess>()
            .TimeZoneOfAsync(await context.GetCurrentUserAsync(), athleteId, context.CancellationToken);
        return BodyMap.BodyMapQueries.WeekArgument(null, clock, zone);
    }

    public static async Task<Guid> GetReadableAthleteIdAsync(this IResolveFieldContext context)
    {
        var user = await context.GetCurrentUserAsync();
        return await context.RequestServices!.GetRequiredService<AthleteAccess>()
            .ResolveReadableAthleteAsync(user, context.GetOptionalUuidArgument("athleteId"), context.CancellationToken);
    }
}
