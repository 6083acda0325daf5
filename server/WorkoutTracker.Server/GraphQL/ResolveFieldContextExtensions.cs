using GraphQL;
using WorkoutTracker.Server.Identity;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.GraphQL;

public static class ResolveFieldContextExtensions
{
    /// <summary>The signed-in user, loaded once per request; throws UNAUTHENTICATED when there is none.</summary>
    public static Task<User> GetCurrentUserAsync(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<CurrentUser>().RequireAsync(context.User, context.CancellationToken);
}
