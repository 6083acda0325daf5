using GraphQL.Types;

namespace WorkoutTracker.Server.Coaching.Agent;

public sealed class CoachReplyType : ObjectGraphType<CoachReply>
{
    public CoachReplyType()
    {
        Name = "CoachReply";
        Description = "The coach's answer, the athlete's numbers it used and the tool functions it called.";
        Field<NonNullGraphType<StringGraphType>>("answer").Resolve(c => c.Source.Answer);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CitationType>>>>("citations")
            .Description("Every number of the athlete's data the answer used, with where it comes from.")
            .Resolve(c => c.Source.Citations);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("toolCalls")
            .Description("The tool functions called, in order (e.g. get_e1rm_trend).")
            .Resolve(c => c.Source.ToolCalls);
        Field<NonNullGraphType<CoachSourceType>>("source").Resolve(c => c.Source.Source);
        Field<Proposals.PlanProposalType>("proposal")
            .Description("Changes to next week the coach proposes, when asked what to change: review them and accept all, some or none (decidePlanProposal).")
            .Resolve(c => c.Source.Proposal);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("refusedEdits")
            .Description("Plan changes the coach's model tried to propose that were refused (an unknown exercise, another athlete's plan, targets out of range), with why.")
            .Resolve(c => c.Source.RefusedEdits);
    }
}

public sealed class CitationType : ObjectGraphType<Citation>
{
    public CitationType()
    {
        Name = "Citation";
        Description = "A number from the athlete's data: what it is (kind), which record and field (ref), and its value.";
        Field<NonNullGraphType<CitationKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("ref")
            .Description("The record and field, per kind: SET {setId}:{loadKg|reps|rpe}; PERSONAL_RECORD {exerciseId}:{HEAVIEST_LOAD|MOST_REPS_AT_LOAD|BEST_E1RM}:{loadKg|reps|e1rmKg}; E1RM {exerciseId}:{date}:{e1rmKg|loadKg|reps}; PLAN {weekStart}:day{n}:{exerciseId}:{sets|repsMin|repsMax|loadKg|loadLb|rpe}; PRESCRIPTION {exerciseId}:{sets|repsMin|repsMax|loadKg|loadLb|rpe}; PROGRESS {exerciseId}:{loadKg|loadLb|targetReps|consecutiveSuccesses|consecutiveFailures|lastE1rmKg|lastE1rmLb}; BODY_MAP {weekStart}:{MUSCLE}:{hardSets|totalReps|volumeLoadKg}; TARGET {GOAL}:{EXPERIENCE}:{weeklyHardSetsMin|weeklyHardSetsMax} (the hard sets per muscle a week the coach counts as enough).")
            .Resolve(c => c.Source.Ref);
        Field<NonNullGraphType<FloatGraphType>>("value").Resolve(c => c.Source.Value);
    }
}

public sealed class CitationKindType : EnumerationGraphType<CitationKind>
{
    public CitationKindType() => Name = "CitationKind";

    /// <summary>"e1RM" is one word: E1RM, not E_1_RM.</summary>
    protected override string ChangeEnumCase(string val) => base.ChangeEnumCase(val).Replace("E_1_RM", "E1RM", StringComparison.Ordinal);
}

public sealed class CoachSourceType : EnumerationGraphType<CoachSource>
{
    public CoachSourceType()
    {
        Name = "CoachSource";
        Description = "LLM: the configured model wrote the answer. OFFLINE: the built-in coach did (no model configured, or the model failed).";
    }
}
