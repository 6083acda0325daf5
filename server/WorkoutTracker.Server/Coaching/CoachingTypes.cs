using GraphQL.Types;
using WorkoutTracker.Server.GraphQL;
using WorkoutTracker.Server.GraphQL.DataLoaders;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Coaching;

public sealed class CoachLinkType : ObjectGraphType<CoachLink>
{
    public CoachLinkType()
    {
        Name = "CoachLink";
        Description = "A coach following an athlete.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<UserType>>("coach").Resolve(c => c.GetDataLoader<UserByIdDataLoader>().LoadAsync(c.Source.CoachId));
        Field<NonNullGraphType<UserType>>("athlete").Resolve(c => c.GetDataLoader<UserByIdDataLoader>().LoadAsync(c.Source.AthleteId));
        Field<NonNullGraphType<IdGraphType>>("requestedBy").Description("The user who asked; the other accepts.").Resolve(c => c.Source.RequestedBy);
        Field<NonNullGraphType<CoachLinkStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<InstantGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<InstantGraphType>("acceptedAt").Resolve(c => c.Source.AcceptedAt);
        Field<InstantGraphType>("endedAt").Resolve(c => c.Source.EndedAt);
    }
}

public sealed class CoachLinkStatusType : EnumerationGraphType<CoachLinkStatus>
{
    public CoachLinkStatusType() => Name = "CoachLinkStatus";
}

public sealed class RequestCoachLinkInputType : InputRecordGraphType<RequestCoachLinkInput>
{
    public RequestCoachLinkInputType()
    {
        Name = "RequestCoachLinkInput";
        Field<NonNullGraphType<IdGraphType>>("clientMutationId");
        Field<NonNullGraphType<StringGraphType>>("email").Description("The coach's email (from an athlete) or the athlete's (from a coach).");
    }
}

public sealed class CoachLinkInputType : InputRecordGraphType<CoachLinkInput>
{
    public CoachLinkInputType()
    {
        Name = "CoachLinkInput";
        Field<NonNullGraphType<IdGraphType>>("clientMutationId");
        Field<NonNullGraphType<IdGraphType>>("linkId");
    }
}

public sealed class CoachLinkPayloadType : ObjectGraphType<MutationPayload<CoachLink>>
{
    public CoachLinkPayloadType()
    {
        Name = "CoachLinkPayload";
        this.AddPayloadFields();
        Field<NonNullGraphType<CoachLinkType>>("link").Resolve(c => c.Source.Result);
    }
}
