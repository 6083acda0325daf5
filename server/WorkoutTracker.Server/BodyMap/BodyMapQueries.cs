using GraphQL.Types;
using WorkoutTracker.Server.Coaching;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.GraphQL;

namespace WorkoutTracker.Server.BodyMap;

public static class BodyMapQueries
{
    public static void AddBodyMapQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<BodyMapType>>("bodyMap")
            .Description("The body map of a week (this week by default): the signed-in athlete's, or a linked athlete's for a coach.")
            .Argument<CalendarDateGraphType>("weekStart", a => a.Description = "A Monday.")
            .Argument<IdGraphType>("athleteId")
            .ResolveAsync(async c =>
            {
                var athleteId = await c.GetReadableAthleteIdAsync();
                var week = await c.GetWeekArgumentAsync(athleteId);
                var maps = await c.RequestServices!.GetRequiredService<BodyMapReads>().LoadAsync([(athleteId, week)], c.CancellationToken);
                return maps[(athleteId, week)];
            });
    }

    /// <summary>The week asked for, which must be a Monday; the athlete's this week (in their time zone) when not given.</summary>
    public static DateOnly WeekArgument(DateOnly? weekStart, TimeProvider clock, TimeZoneInfo zone)
    {
        if (weekStart is { } day)
        {
            return BodyMapRules.IsWeekStart(day) ? day : throw new ValidationException("weekStart", "must be a Monday (the start of an ISO week).");
        }

        return BodyMapRules.WeekStartOf(clock.GetUtcNow(), zone);
    }
}

/// <summary>The body map's ETag part: the week's version, read without loading the map.</summary>
public sealed class BodyMapVersion : AthleteWeekVersion
{
    public override string FieldName => "bodyMap";

    protected override async Task<string> ReadVersionAsync(IServiceProvider services, Guid athleteId, DateOnly weekStart, CancellationToken cancellationToken) =>
        (await services.GetRequiredService<BodyMapReads>().VersionAsync(athleteId, weekStart, cancellationToken)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
