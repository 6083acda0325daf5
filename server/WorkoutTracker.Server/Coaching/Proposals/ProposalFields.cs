using GraphQL;
using GraphQL.Types;
using WorkoutTracker.Server.GraphQL;

namespace WorkoutTracker.Server.Coaching.Proposals;

public static class ProposalFields
{
    public static void AddProposalQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanProposalType>>>>("planProposals")
            .Description("The proposals of changes to a week (this week by default), newest first: the signed-in athlete's, or a linked athlete's for a coach.")
            .Argument<CalendarDateGraphType>("weekStart", a => a.Description = "A Monday.")
            .Argument<IdGraphType>("athleteId")
            .Bounded(PlanProposals.MaxPerWeek)
            .ResolveAsync(async c =>
            {
                var athleteId = await c.GetReadableAthleteIdAsync();
                var week = await c.GetWeekArgumentAsync(athleteId);
                return await c.RequestServices!.GetRequiredService<PlanProposals>().ListAsync(athleteId, week, PlanProposals.MaxPerWeek, c.CancellationToken);
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanProposalType>>>>("planProposalHistory")
            .Description("Every proposal made for the athlete and its decision (who, when, which items), newest first; first: 1 to 20.")
            .Argument<IdGraphType>("athleteId")
            .Argument<NonNullGraphType<IntGraphType>>("first", a => a.DefaultValue = 10)
            .Bounded(PlanProposals.MaxHistory)
            .ResolveAsync(async c =>
            {
                var athleteId = await c.GetReadableAthleteIdAsync();
                return await c.RequestServices!.GetRequiredService<PlanProposals>().ListAsync(athleteId, null, c.GetArgument<int>("first"), c.CancellationToken);
            });
        query.Field<NonNullGraphType<PlanProposalType>>("planProposal")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var user = await c.GetCurrentUserAsync();
                return await c.RequestServices!.GetRequiredService<PlanProposals>().GetAsync(user, c.GetUuidArgument("id"), c.CancellationToken);
            });
    }

    public static void AddProposalMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PlanProposalPayloadType>>("proposePlanChanges")
            .Description("A coach proposes changes to a linked athlete's week (swaps, skips, additions, targets), each with why; the athlete accepts all, some or none. Each change is checked as the plan edit it is.")
            .Argument<NonNullGraphType<ProposePlanChangesInputType>>("input")
            .ResolveAsync(c => MutationResolver.RunAsync<PlanProposals, ProposePlanChangesInput, PlanProposalView>(c, (x, u, i, ct) => x.ProposeAsync(u, i, ct)));
        mutation.Field<NonNullGraphType<DecidePlanProposalPayloadType>>("decidePlanProposal")
            .Description("The athlete accepts some, all or none (an empty list) of a proposal's changes: the accepted ones apply as one change of the week. Refused with PROPOSAL_STALE when the week changed since it was made.")
            .Argument<NonNullGraphType<DecidePlanProposalInputType>>("input")
            .ResolveAsync(c => MutationResolver.RunAsync<PlanProposals, DecidePlanProposalInput, ProposalDecision>(c, (x, u, i, ct) => x.DecideAsync(u, i, ct)));
    }
}
