using System.Reactive.Linq;
using GraphQL.Types;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Coaching;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.GraphQL;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Sessions;

public static class SessionSubscriptions
{
    public const string AfterDescription =
        "Resume after this cursor (the `cursor` of the last event received): the events since then are sent first, then live ones, with no gap and no duplicate. CURSOR_EXPIRED when it is older than the event log keeps.";

    public static void AddSessionSubscriptions(this ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<SessionEventType>>("sessionUpdated")
            .Description("Every set logged, updated or deleted in the session, and its finish, in order. A linked coach's subscription ends with FORBIDDEN when the link ends.")
            .Argument<NonNullGraphType<IdGraphType>>("sessionId")
            .Argument<StringGraphType>("after", AfterDescription)
            .ResolveStreamAsync(async c =>
            {
                var user = await c.GetCurrentUserAsync();
                var sessionId = c.GetUuidArgument("sessionId");
                var after = c.GetEventCursorArgument("after");
                var services = c.RequestServices!;
                return services.GetRequiredService<LiveEventFeed>()
                    .Follow(after, ct => SessionScopeAsync(services.GetRequiredService<SessionReads>(), user, sessionId, ct))
                    .Select(e => (object?)e);
            });

        subscription.Field<NonNullGraphType<SessionEventType>>("athleteActivity")
            .Description("For a coach: every session event of the athletes they follow (links active when subscribing). Ends with FORBIDDEN when one of the coach's links ends: subscribe again (with `after`) to follow the athletes still linked.")
            .Argument<StringGraphType>("after", AfterDescription)
            .ResolveStreamAsync(async c =>
            {
                var user = await c.GetCurrentUserAsync();
                if (user.Role != UserRole.Coach)
                {
                    throw new ForbiddenException("Only coaches follow athletes.");
                }

                var after = c.GetEventCursorArgument("after");
                var access = c.RequestServices!.GetRequiredService<AthleteAccess>();
                return c.RequestServices!.GetRequiredService<LiveEventFeed>()
                    .Follow(after, async ct => EventScope.Athletes(await access.AthletesOfAsync(user.Id, ct), user.Id))
                    .Select(e => (object?)e);
            });
    }

    /// <summary>The session's events, if the user may read the session; a coach's access rests on the link.</summary>
    public static async Task<EventScope> SessionScopeAsync(SessionReads reads, User user, Guid sessionId, CancellationToken cancellationToken)
    {
        var session = await reads.FindAsync(user, sessionId, cancellationToken) ?? throw new NotFoundException("Session", sessionId.ToString());
        return EventScope.Session(sessionId, session.AthleteId, session.AthleteId == user.Id ? null : user.Id);
    }
}

public sealed class SessionEventType : ObjectGraphType<LiveEvent>
{
    public SessionEventType()
    {
        Name = "SessionEvent";
        Description = "A change in a live session.";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("The event's position in the event log: pass it as `after` to resume after this event.")
            .Resolve(c => c.Source.Cursor.Encode());
        Field<NonNullGraphType<SessionEventKindType>>("kind").Resolve(c => SessionEventKinds.Of(c.Source.Kind));
        Field<NonNullGraphType<IdGraphType>>("sessionId").Resolve(c => c.Source.SessionId);
        Field<NonNullGraphType<IdGraphType>>("athleteId").Resolve(c => c.Source.AthleteId);
        Field<IdGraphType>("setId").Description("The set logged, updated or deleted.").Resolve(c => c.Source.SetId);
        Field<NonNullGraphType<IntGraphType>>("sessionVersion").Description("The session's version after the change.").Resolve(c => c.Source.SessionVersion);
        Field<NonNullGraphType<InstantGraphType>>("occurredAt").Resolve(c => c.Source.OccurredAt);
        Field<CalendarDateGraphType>("bodyMapWeekStart").Description("The week whose body map the change touched.").Resolve(c => c.Source.BodyMapWeekStart);
        Field<IntGraphType>("bodyMapVersion").Description("That week's body-map version after the change.").Resolve(c => c.Source.BodyMapVersion);
        Field<BodyMapType>("bodyMap")
            .Description("That week's body map as it stands when the event is sent (null for a finish). Loaded only when selected.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<SessionEventDetails>().BodyMapAsync(c.Source));
        Field<WorkoutSetType>("set")
            .Description("The set as it stands when the event is sent; null for deletes, finishes, and a set deleted since. Loaded only when selected.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<SessionEventDetails>().SetAsync(c.Source));
    }
}
