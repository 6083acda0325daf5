using GraphQL.Types;

namespace WorkoutTracker.Server.GraphQL;

/// <summary>
/// The Relay-style payload of every mutation: the client's id echoed back, whether this call replayed an
/// earlier one with the same id, and what the mutation produced.
/// </summary>
public sealed record MutationPayload<TResult>(string ClientMutationId, bool Replayed, TResult Result);

public static class MutationPayloadFields
{
    /// <summary>Adds <c>clientMutationId</c> and <c>replayed</c> to a payload type.</summary>
    public static void AddPayloadFields<TResult>(this ObjectGraphType<MutationPayload<TResult>> type)
    {
        type.Field<NonNullGraphType<IdGraphType>>("clientMutationId")
            .Description("The id the client made for this change, echoed back.")
            .Resolve(c => c.Source.ClientMutationId);
        type.Field<NonNullGraphType<BooleanGraphType>>("replayed")
            .Description("True when this call repeated an earlier one with the same clientMutationId: nothing was written again.")
            .Resolve(c => c.Source.Replayed);
    }
}
