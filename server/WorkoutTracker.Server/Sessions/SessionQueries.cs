using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;
using WorkoutTracker.Server.Coaching;
using WorkoutTracker.Server.GraphQL;

namespace WorkoutTracker.Server.Sessions;

public static class SessionQueries
{
    public static void AddSessionQueries(this ObjectGraphType query)
    {
        query.Field<SessionType>("session")
            .Description("A session by id; null when there is none or it is not yours to read (the two look the same).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var user = await c.GetCurrentUserAsync();
                return await c.RequestServices!.GetRequiredService<SessionReads>().FindReadableAsync(user, c.GetUuidArgument("id"), c.CancellationToken);
            });

        query.Field<NonNullGraphType<ConnectionType<SessionType, EdgeType<SessionType>>>>("sessions")
            .Description("An athlete's sessions, newest first: the signed-in athlete's, or a linked athlete's for a coach.")
            .Argument<NonNullGraphType<IntGraphType>>("first", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after")
            .Argument<IdGraphType>("athleteId")
            .ResolveAsync(async c =>
            {
                var athleteId = await c.GetReadableAthleteIdAsync();
                var page = await c.RequestServices!.GetRequiredService<SessionReads>()
                    .PageAsync(athleteId, c.GetArgument<int>("first"), c.GetArgument<string?>("after"), c.CancellationToken);
                return new Connection<TrainingSession>
                {
                    Edges = [.. page.Sessions.Select(s => new Edge<TrainingSession> { Cursor = SessionReads.EncodeCursor(s), Node = s })],
                    PageInfo = new PageInfo { HasNextPage = page.HasNextPage, EndCursor = page.EndCursor, HasPreviousPage = c.GetArgument<string?>("after") is not null },
                };
            });
    }
}
