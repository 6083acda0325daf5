using GraphQL;
using GraphQL.Types;
using WorkoutTracker.Server.Coaching;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.GraphQL;
using WorkoutTracker.Server.GraphQL.Caching;

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
                var user = await c.GetCurrentUserAsync();
                var athleteId = await c.RequestServices!.GetRequiredService<AthleteAccess>()
                    .ResolveReadableAthleteAsync(user, c.GetOptionalUuidArgument("athleteId"), c.CancellationToken);
                var week = WeekArgument(c.GetArgument<DateOnly?>("weekStart"), c.RequestServices!.GetRequiredService<TimeProvider>());
                var maps = await c.RequestServices!.GetRequiredService<BodyMapReads>().LoadAsync([(athleteId, week)], c.CancellationToken);
                return maps[(athleteId, week)];
            });
    }

    /// <summary>The week asked for, which must be a Monday; this ISO week when not given.</summary>
    public static DateOnly WeekArgument(DateOnly? weekStart, TimeProvider clock)
    {
        if (weekStart is { } day)
        {
            return BodyMapRules.IsWeekStart(day) ? day : throw new ValidationException("weekStart", "must be a Monday (the start of an ISO week).");
        }

        return BodyMapRules.WeekStartOf(clock.GetUtcNow());
    }
}

/// <summary>The body map's ETag part: the week's version, read without loading the map.</summary>
public sealed class BodyMapVersion : IRootFieldVersion
{
    public string FieldName => "bodyMap";

    public async ValueTask<string?> GetVersionAsync(RootFieldRequest request, CancellationToken cancellationToken)
    {
        var services = request.Services;
        var user = await services.GetRequiredService<Identity.CurrentUser>().FindAsync(request.User, cancellationToken);
        if (user is null || !request.TryGetUuid("athleteId", out var requested) || !request.TryGetDate("weekStart", out var week))
        {
            return null;
        }

        try
        {
            var athleteId = await services.GetRequiredService<AthleteAccess>().ResolveReadableAthleteAsync(user, requested, cancellationToken);
            var weekStart = BodyMapQueries.WeekArgument(week, services.GetRequiredService<TimeProvider>());
            var version = await services.GetRequiredService<BodyMapReads>().VersionAsync(athleteId, weekStart, cancellationToken);
            return $"{athleteId}/{BodyMapRules.ToIsoDate(weekStart)}/{version}";
        }
        catch (DomainException)
        {
            return null; // not cacheable: let execution report the error
        }
    }
}
