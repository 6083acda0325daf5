using GraphQL.Types;
using WorkoutTracker.Server.Coaching.Agent;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.GraphQL;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.GraphQL.DataLoaders;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Coaching.Proposals;

/// <summary>An item with its place in the proposal (what decidePlanProposal's acceptedItems names).</summary>
public sealed record IndexedProposalItem(int Index, ProposalItem Item);

public sealed class PlanProposalType : ObjectGraphType<PlanProposalView>
{
    public PlanProposalType()
    {
        Name = "PlanProposal";
        Description = "Changes proposed to an athlete's week, for the athlete to accept all, some or none of. Applied only on approval.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Proposal.Id);
        Field<NonNullGraphType<IdGraphType>>("athleteId").Resolve(c => c.Source.Proposal.AthleteId);
        Field<NonNullGraphType<CalendarDateGraphType>>("weekStart").Description("The Monday of the week it changes.").Resolve(c => c.Source.Proposal.WeekStart);
        Field<NonNullGraphType<ProposalAuthorType>>("author").Resolve(c => c.Source.Proposal.Author);
        Field<NonNullGraphType<IdGraphType>>("authorUserId").Description("The coach who wrote it, or who asked the coach for it.").Resolve(c => c.Source.Proposal.AuthorUserId);
        Field<NonNullGraphType<StringGraphType>>("summary").Resolve(c => c.Source.Proposal.Summary);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProposalItemType>>>>("items")
            .Bounded(ProposalItems.MaxItems)
            .Resolve(c => c.Source.Items.Select((item, i) => new IndexedProposalItem(i, item)).ToList());
        Field<NonNullGraphType<ProposalStatusType>>("status").Resolve(c => c.Source.Proposal.Status);
        Field<NonNullGraphType<BooleanGraphType>>("stale").Description("Open, but the week's plan changed since it was made: it can no longer be accepted.").Resolve(c => c.Source.Stale);
        Field<NonNullGraphType<InstantGraphType>>("createdAt").Resolve(c => c.Source.Proposal.CreatedAt);
        Field<IdGraphType>("decidedBy").Resolve(c => c.Source.Proposal.DecidedBy);
        Field<InstantGraphType>("decidedAt").Resolve(c => c.Source.Proposal.DecidedAt);
        Field<ListGraphType<NonNullGraphType<IntGraphType>>>("acceptedItems").Description("The indexes of the accepted items; empty when rejected, null while open.")
            .Resolve(c => c.Source.Proposal.AcceptedItems);
    }
}

public sealed class ProposalItemType : ObjectGraphType<IndexedProposalItem>
{
    public ProposalItemType()
    {
        Name = "ProposalItem";
        Description = "One change: a plan edit, the exercise's targets that day before and after it, and why.";
        Field<NonNullGraphType<IntGraphType>>("index").Description("Its place in the proposal, 0-based: what acceptedItems names.").Resolve(c => c.Source.Index);
        Field<NonNullGraphType<ProposedEditKindType>>("kind").Resolve(c => c.Source.Item.Edit.Kind);
        Field<NonNullGraphType<IntGraphType>>("dayNumber").Resolve(c => c.Source.Item.Edit.DayNumber);
        Field<NonNullGraphType<ExerciseType>>("exercise").Resolve(c => c.GetDataLoader<ExerciseByIdDataLoader>().LoadAsync(c.Source.Item.Edit.ExerciseId));
        Field<ExerciseType>("withExercise").Description("The exercise a swap puts in its place.")
            .Resolve(c => c.Source.Item.Edit.WithExerciseId is { } id ? c.GetDataLoader<ExerciseByIdDataLoader>().LoadAsync(id) : null);
        Field<ProposedTargetsType>("before").Description("Null for an added exercise.").Resolve(c => c.Source.Item.Before);
        Field<ProposedTargetsType>("after").Description("Null for a skipped exercise.").Resolve(c => c.Source.Item.After);
        Field<NonNullGraphType<StringGraphType>>("why").Resolve(c => c.Source.Item.Why);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CitationType>>>>("citations").Description("The athlete's numbers the change rests on.").Bounded(ProposalItems.MaxCitations).Resolve(c => c.Source.Item.Citations);
    }
}

public sealed class ProposedTargetsType : ObjectGraphType<ProposedTargets>
{
    public ProposedTargetsType()
    {
        Name = "ProposedTargets";
        Description = "An exercise's work sets on the day: every set alike.";
        Field<NonNullGraphType<IdGraphType>>("exerciseId").Resolve(c => c.Source.ExerciseId);
        Field<NonNullGraphType<IntGraphType>>("sets").Resolve(c => c.Source.Sets);
        Field<NonNullGraphType<IntGraphType>>("repsMin").Resolve(c => c.Source.RepsMin);
        Field<NonNullGraphType<IntGraphType>>("repsMax").Resolve(c => c.Source.RepsMax);
        Field<NonNullGraphType<FloatGraphType>>("load").Description("In unit.").Resolve(c => c.Source.Load);
        Field<NonNullGraphType<WeightUnitType>>("unit").Resolve(c => c.Source.Unit);
        Field<FloatGraphType>("rpe").Resolve(c => c.Source.Rpe);
    }
}

public sealed class ProposalAuthorType : EnumerationGraphType<ProposalAuthor>
{
    public ProposalAuthorType()
    {
        Name = "ProposalAuthor";
        Description = "COACH_AGENT: the coach's model. OFFLINE_RULES: the built-in coach's rules. COACH: a linked coach, by hand.";
    }
}

public sealed class ProposalStatusType : EnumerationGraphType<ProposalStatus>
{
    public ProposalStatusType() => Name = "ProposalStatus";
}

public sealed class ProposedEditKindType : EnumerationGraphType
{
    public ProposedEditKindType()
    {
        Name = "ProposedEditKind";
        Description = "What a proposed change does, as the plan edits swapPlannedExercise, skipPlannedExercise, addPlannedExercise and changePlannedTargets.";
        Add("SWAP", PlanEditKind.Swap);
        Add("SKIP", PlanEditKind.Skip);
        Add("ADD", PlanEditKind.Add);
        Add("CHANGE_TARGETS", PlanEditKind.ChangeTargets);
    }
}

public sealed class ProposalItemInputType : InputRecordGraphType<ProposalItemInput>
{
    public ProposalItemInputType()
    {
        Name = "ProposalItemInput";
        Field<NonNullGraphType<ProposedEditKindType>>("kind");
        Field<NonNullGraphType<IntGraphType>>("dayNumber").Description("The training day, 1-based.");
        Field<NonNullGraphType<IdGraphType>>("exerciseId");
        Field<NonNullGraphType<StringGraphType>>("why").Description("Why, with the numbers it rests on.");
        Field<IdGraphType>("withExerciseId").Description("SWAP: the exercise to do instead.");
        Field<IntGraphType>("sets");
        Field<IntGraphType>("repsMin");
        Field<IntGraphType>("repsMax");
        Field<FloatGraphType>("load").Description("In the plan's unit.");
        Field<FloatGraphType>("rpe");
    }
}

public sealed class ProposePlanChangesInputType : InputRecordGraphType<ProposePlanChangesInput>
{
    public ProposePlanChangesInputType()
    {
        Name = "ProposePlanChangesInput";
        Field<NonNullGraphType<IdGraphType>>("clientMutationId");
        Field<NonNullGraphType<IdGraphType>>("athleteId");
        Field<CalendarDateGraphType>("weekStart").Description("A Monday; this week by default.");
        Field<NonNullGraphType<StringGraphType>>("summary");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProposalItemInputType>>>>("items");
    }
}

public sealed class DecidePlanProposalInputType : InputRecordGraphType<DecidePlanProposalInput>
{
    public DecidePlanProposalInputType()
    {
        Name = "DecidePlanProposalInput";
        Field<NonNullGraphType<IdGraphType>>("clientMutationId");
        Field<NonNullGraphType<IdGraphType>>("proposalId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("acceptedItems").Description("The indexes of the items to apply; empty rejects the proposal.");
    }
}

public sealed class PlanProposalPayloadType : ObjectGraphType<MutationPayload<PlanProposalView>>
{
    public PlanProposalPayloadType()
    {
        Name = "PlanProposalPayload";
        this.AddPayloadFields();
        Field<NonNullGraphType<PlanProposalType>>("proposal").Resolve(c => c.Source.Result);
    }
}

public sealed class DecidePlanProposalPayloadType : ObjectGraphType<MutationPayload<ProposalDecision>>
{
    public DecidePlanProposalPayloadType()
    {
        Name = "DecidePlanProposalPayload";
        this.AddPayloadFields();
        Field<NonNullGraphType<PlanProposalType>>("proposal").Resolve(c => c.Source.Result.Proposal);
        Field<NonNullGraphType<WeeklyPlanType>>("plan").Description("The week as it stands after the decision.").Resolve(c => c.Source.Result.Plan);
    }
}
