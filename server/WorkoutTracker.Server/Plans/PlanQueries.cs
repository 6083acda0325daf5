using GraphQL;
using GraphQL.Types;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Coaching;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.GraphQL;
using WorkoutTracker.Server.GraphQL.Caching;
using WorkoutTracker.Server.Identity;

namespace WorkoutTracker.Server.Plans;

public static class PlanQueries
{
    public static void AddPlanQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<WeeklyPlanType>>("weeklyPlan")
            .Description("The plan of a week (this week by default): the signed-in athlete's, or a linked athlete's for a coach.")
            .Argument<CalendarDateGraphType>("weekStart", a => a.Description = "A Monday.")
            .Argument<IdGraphType>("athleteId")
            .ResolveAsync(async c =>
            {
                var user = await c.GetCurrentUserAsync();
                var athleteId = await c.RequestServices!.GetRequiredService<AthleteAccess>()
                    .ResolveReadableAthleteAsync(user, c.GetOptionalUuidArgument("athleteId"), c.CancellationToken);
                var week = BodyMapQueries.WeekArgument(c.GetArgument<DateOnly?>("weekStart"), c.RequestServices!.GetRequiredService<TimeProvider>());
                return await c.RequestServices!.GetRequiredService<WeeklyPlanService>().GetAsync(athleteId, week, c.CancellationToken);
            });
    }
}

/// <summary>
/// The weekly plan's ETag part: (athlete, week, plan version, progression version, profile updated-at),
/// read in one statement; the plan itself is not generated.
/// </summary>
public sealed class WeeklyPlanVersion : IRootFieldVersion
{
    public string FieldName => "weeklyPlan";

    public async ValueTask<string?> GetVersionAsync(RootFieldRequest request, CancellationToken cancellationToken)
    {
        var services = request.Services;
        var user = await services.GetRequiredService<CurrentUser>().FindAsync(request.User, cancellationToken);
        if (user is null || !request.TryGetUuid("athleteId", out var requested) || !request.TryGetDate("weekStart", out var week))
        {
            return null;
        }

        try
        {
            var athleteId = await services.GetRequiredService<AthleteAccess>().ResolveReadableAthleteAsync(user, requested, cancellationToken);
            var weekStart = BodyMapQueries.WeekArgument(week, services.GetRequiredService<TimeProvider>());
            var version = await services.GetRequiredService<WeeklyPlanService>().VersionAsync(athleteId, cancellationToken);
            return $"{athleteId}/{BodyMapRules.ToIsoDate(weekStart)}/{version}";
        }
        catch (DomainException)
        {
            return null;
        }
    }
}
