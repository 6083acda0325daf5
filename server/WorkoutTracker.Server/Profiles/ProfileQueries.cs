using GraphQL.Types;
using WorkoutTracker.Server.GraphQL;

namespace WorkoutTracker.Server.Profiles;

public static class ProfileQueries
{
    public static void AddProfileQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<UserType>>("me")
            .Description("The signed-in user.")
            .ResolveAsync(async context => await context.GetCurrentUserAsync());
    }
}
