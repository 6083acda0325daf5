using GraphQL.Types;

namespace WorkoutTracker.Server.GraphQL;

public sealed class WorkoutSchema : Schema
{
    public WorkoutSchema(IServiceProvider services, QueryType query, MutationType mutation, SubscriptionType subscription)
        : base(services)
    {
        // Input coercion of the built-in scalars, held to what the API can store (see InputScalars.cs).
        RegisterType(new SpecIdGraphType());
        RegisterType(new NulFreeStringGraphType());
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
    }
}
