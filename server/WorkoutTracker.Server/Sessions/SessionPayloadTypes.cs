using GraphQL.Types;
using WorkoutTracker.Server.GraphQL;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Sessions;

public sealed class SessionPayloadType : ObjectGraphType<MutationPayload<TrainingSession>>
{
    public SessionPayloadType()
    {
        Name = "SessionPayload";
        Description = "Result of startSession and finishSession.";
        this.AddPayloadFields();
        Field<NonNullGraphType<SessionType>>("session").Resolve(c => c.Source.Result);
    }
}

public sealed class SetPayloadType : ObjectGraphType<MutationPayload<SetChange>>
{
    public SetPayloadType()
    {
        Name = "SetPayload";
        Description = "Result of logSet, updateSet and deleteSet.";
        this.AddPayloadFields();
        Field<WorkoutSetType>("set")
            .Description("The set as it stands now; null after deleteSet, or when a replay finds the set deleted since.")
            .Resolve(c => c.Source.Result.Set);
        Field<NonNullGraphType<IdGraphType>>("setId").Resolve(c => c.Source.Result.SetId);
        Field<NonNullGraphType<SessionType>>("session").Resolve(c => c.Source.Result.Session);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonalRecordKindType>>>>("newRecords")
            .Description("Personal records this set broke against everything logged before it (empty for deletes).")
            .ResolveAsync(async c => c.Source.Result.Set is { } set
                ? (await c.RequestServices!.GetRequiredService<TrainingHistory>().RecordsBrokenByAsync(set, c.CancellationToken)).Select(r => r.Kind).ToList()
                : []);
    }
}
