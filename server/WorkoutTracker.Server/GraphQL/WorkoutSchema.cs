using GraphQL.Types;

namespace WorkoutTracker.Server.GraphQL;

public sealed class WorkoutSchema : Schema
{
    public WorkoutSchema(IServiceProvider services, QueryType query, MutationType mutation, SubscriptionType subscription)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
    }
}
