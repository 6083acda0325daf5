using GraphQL.Types;
using WorkoutTracker.Server.GraphQL;

namespace WorkoutTracker.Server.Sessions;

public sealed class StartSessionInputType : InputRecordGraphType<StartSessionInput>
{
    public StartSessionInputType()
    {
        Name = "StartSessionInput";
        Field<NonNullGraphType<IdGraphType>>("clientMutationId").Description("Made once by the client (a UUID); repeating it replays the first result.");
        Field<IntGraphType>("planDayNumber").Description("The day of this week's plan the session follows.");
        Field<InstantGraphType>("startedAt").Description("Defaults to now.");
        Field<IdGraphType>("sessionId").Description(
            "The new session's id, made by the client (a UUID) so it can log sets into the session before this call reaches the server; defaults to a new id. The athlete's own session with that id is answered as it is; another athlete's is SESSION_ID_TAKEN.");
    }
}

public sealed class LogSetInputType : InputRecordGraphType<LogSetInput>
{
    public LogSetInputType()
    {
        Name = "LogSetInput";
        Field<NonNullGraphType<IdGraphType>>("clientMutationId").Description("Made once by the client (a UUID) and kept across retries.");
        Field<NonNullGraphType<IdGraphType>>("sessionId");
        Field<NonNullGraphType<IdGraphType>>("exerciseId");
        Field<NonNullGraphType<FloatGraphType>>("loadKg").Description("0 to 1000 kg, at most 3 decimals.");
        Field<NonNullGraphType<IntGraphType>>("reps").Description("0 to 100.");
        Field<FloatGraphType>("rpe").Description("1 to 10 in steps of 0.5.");
        Field<IntGraphType>("restSeconds").Description("Rest taken before the set, 0 to 3600.");
        Field<InstantGraphType>("performedAt").Description("Defaults to now.");
        Field<NonNullGraphType<BooleanGraphType>>("isWarmup").DefaultValue(false).Description("Older form of setType: WARMUP.");
        Field<SetTypeType>("setType").Description("What the set was for; defaults to WARMUP when isWarmup, else WORKING.");
        Field<StringGraphType>("note").Description($"The athlete's note on the set, at most {Notes.NoteRules.MaxSetNote} characters; blank means none.");
    }
}

public sealed class UpdateSetInputType : InputRecordGraphType<UpdateSetInput>
{
    public UpdateSetInputType()
    {
        Name = "UpdateSetInput";
        Description = "The set's new values, all of them (an omitted rpe or restSeconds clears it).";
        Field<NonNullGraphType<IdGraphType>>("clientMutationId");
        Field<NonNullGraphType<IdGraphType>>("setId");
        Field<NonNullGraphType<FloatGraphType>>("loadKg");
        Field<NonNullGraphType<IntGraphType>>("reps");
        Field<FloatGraphType>("rpe");
        Field<IntGraphType>("restSeconds");
        Field<NonNullGraphType<BooleanGraphType>>("isWarmup").DefaultValue(false);
        Field<SetTypeType>("setType").Description("Defaults to WARMUP when isWarmup, else WORKING.");
        Field<StringGraphType>("note").Description($"At most {Notes.NoteRules.MaxSetNote} characters; omitted or blank clears it.");
    }
}

public sealed class DeleteSetInputType : InputRecordGraphType<DeleteSetInput>
{
    public DeleteSetInputType()
    {
        Name = "DeleteSetInput";
        Field<NonNullGraphType<IdGraphType>>("clientMutationId");
        Field<NonNullGraphType<IdGraphType>>("setId");
    }
}

public sealed class FinishSessionInputType : InputRecordGraphType<FinishSessionInput>
{
    public FinishSessionInputType()
    {
        Name = "FinishSessionInput";
        Field<NonNullGraphType<IdGraphType>>("clientMutationId");
        Field<NonNullGraphType<IdGraphType>>("sessionId");
        Field<InstantGraphType>("finishedAt").Description("Defaults to now.");
    }
}

public sealed class SetTypeType : EnumerationGraphType<SetType>
{
    public SetTypeType()
    {
        Name = "SetType";
        Description = "What a set was for. Warm-ups are not hard sets: the body map, records and progression leave them out; progression judges working and failure sets.";
    }
}

public sealed class AddSessionExerciseInputType : InputRecordGraphType<AddSessionExerciseInput>
{
    public AddSessionExerciseInputType()
    {
        Name = "AddSessionExerciseInput";
        Field<NonNullGraphType<IdGraphType>>("clientMutationId");
        Field<NonNullGraphType<IdGraphType>>("sessionId");
        Field<NonNullGraphType<IdGraphType>>("exerciseId");
    }
}

public sealed class GroupSessionSupersetInputType : InputRecordGraphType<GroupSessionSupersetInput>
{
    public GroupSessionSupersetInputType()
    {
        Name = "GroupSessionSupersetInput";
        Field<NonNullGraphType<IdGraphType>>("clientMutationId");
        Field<NonNullGraphType<IdGraphType>>("sessionId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("exerciseIds").Description("The exercises of the superset, in the order to do them.");
    }
}
