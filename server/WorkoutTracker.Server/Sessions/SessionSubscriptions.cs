using System.Reactive.Linq;
using GraphQL.Types;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.GraphQL;

namespace WorkoutTracker.Server.Sessions;

public static class SessionSubscriptions
{
    public static void AddSessionSubscriptions(this ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<SessionEventType>>("sessionUpdated")
            .Description("Every set logged, updated or deleted in the session, and its finish, in order.")
            .Argument<NonNullGraphType<IdGraphType>>("sessionId")
            .ResolveStreamAsync(async c =>
            {
                var user = await c.GetCurrentUserAsync();
                var sessionId = c.GetUuidArgument("sessionId");
                _ = await c.RequestServices!.GetRequiredService<SessionReads>().FindAsync(user, sessionId, c.CancellationToken)
                    ?? throw new NotFoundException("Session", sessionId.ToString());
                return c.RequestServices!.GetRequiredService<SessionEventHub>()
                    .Where(notice => notice.SessionId == sessionId)
                    .Select(notice => (object?)notice);
            });

        subscription.Field<NonNullGraphType<SessionEventType>>("athleteActivity")
            .Description("For a coach: every session event of the athletes they follow (links active when subscribing).")
            .ResolveStreamAsync(async c =>
            {
                var user = await c.GetCurrentUserAsync();
                if (user.Role != Profiles.UserRole.Coach)
                {
                    throw new ForbiddenException("Only coaches follow athletes.");
                }

                var athletes = (await c.RequestServices!.GetRequiredService<Coaching.AthleteAccess>().AthletesOfAsync(user.Id, c.CancellationToken)).ToHashSet();
                return c.RequestServices!.GetRequiredService<SessionEventHub>()
                    .Where(notice => athletes.Contains(notice.AthleteId))
                    .Select(notice => (object?)notice);
            });
    }
}

public sealed class SessionEventType : ObjectGraphType<SessionEventNotice>
{
    public SessionEventType()
    {
        Name = "SessionEvent";
        Description = "A change in a live session.";
        Field<NonNullGraphType<SessionEventKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IdGraphType>>("sessionId").Resolve(c => c.Source.SessionId);
        Field<NonNullGraphType<IdGraphType>>("athleteId").Resolve(c => c.Source.AthleteId);
        Field<IdGraphType>("setId").Description("The set logged, updated or deleted.").Resolve(c => c.Source.SetId);
        Field<NonNullGraphType<IntGraphType>>("sessionVersion").Resolve(c => c.Source.SessionVersion);
        Field<NonNullGraphType<InstantGraphType>>("occurredAt").Resolve(c => c.Source.OccurredAt);
        Field<CalendarDateGraphType>("bodyMapWeekStart").Description("The week whose body map the change touched.").Resolve(c => c.Source.BodyMapWeekStart);
        Field<IntGraphType>("bodyMapVersion").Description("That week's body-map version after the change.").Resolve(c => c.Source.BodyMapVersion);
        Field<BodyMapType>("bodyMap")
            .Description("That week's body map as it stands now (null for a finish).")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<SessionEventDetails>().BodyMapAsync(c.Source));
        Field<WorkoutSetType>("set")
            .Description("The set as it stands now; null for deletes and finishes.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<SessionEventDetails>().SetAsync(c.Source));
    }
}
