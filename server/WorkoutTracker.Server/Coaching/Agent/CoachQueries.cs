using GraphQL;
using GraphQL.Types;
using WorkoutTracker.Server.GraphQL;

namespace WorkoutTracker.Server.Coaching.Agent;

public static class CoachQueries
{
    public static void AddCoachQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<CoachReplyType>>("coach")
            .Description("Ask the coach about training (\"why is my bench stalling?\"): the signed-in athlete's, or a linked athlete's for a coach. The answer cites the athlete's numbers.")
            .Argument<NonNullGraphType<StringGraphType>>("question")
            .Argument<IdGraphType>("athleteId")
            .ResolveAsync(async c =>
            {
                var user = await c.GetCurrentUserAsync();
                return await c.RequestServices!.GetRequiredService<CoachService>()
                    .AskAsync(user, c.GetArgument<string>("question"), c.GetOptionalUuidArgument("athleteId"), c.CancellationToken);
            });
    }
}
