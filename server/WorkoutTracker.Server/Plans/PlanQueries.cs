using GraphQL.Types;
using WorkoutTracker.Server.Coaching;
using WorkoutTracker.Server.GraphQL;

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
                var athleteId = await c.GetReadableAthleteIdAsync();
                var week = await c.GetWeekArgumentAsync(athleteId);
                return await c.RequestServices!.GetRequiredService<WeeklyPlanService>().GetAsync(athleteId, week, c.CancellationToken);
            });
        query.AddPlanEditQueries();
    }
}

/// <summary>
/// The weekly plan's ETag part: (athlete, week, plan version, progression version, profile updated-at, the week's edits version),
/// read in one statement; the plan itself is not generated.
/// </summary>
public sealed class WeeklyPlanVersion : AthleteWeekVersion
{
    public override string FieldName => "weeklyPlan";

    protected override Task<string> ReadVersionAsync(IServiceProvider services, Guid athleteId, DateOnly weekStart, CancellationToken cancellationToken) =>
        services.GetRequiredService<WeeklyPlanService>().VersionAsync(athleteId, weekStart, cancellationToken);
}
