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
        Field<UserType>("coach").Description("Null while a request to a coach is pending: who holds the email is not told before they accept.")
            .Resolve(c => c.Source.CoachId is { } id ? c.GetDataLoader<UserByIdDataLoader>().LoadAsync(id) : null);
        Field<UserType>("athlete").Description("Null while a request to an athlete is pending: who holds the email is not told before they accept.")
            .Resolve(c => c.Source.AthleteId is { } id ? c.GetDataLoader<UserByIdDataLoader>().LoadAsync(id) : null);
        Field<StringGraphType>("inviteeEmail").Description("The email the request was sent to.").Resolve(c => c.Source.InviteeEmail);
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
