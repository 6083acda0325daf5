using GraphQL.Types;

namespace WorkoutTracker.Server.GraphQL;

public sealed class WorkoutSchema : Schema
{
    public WorkoutSchema(IServiceProvider services, QueryType query)
        : base(services)
    {
        Query = query;
    }
}
