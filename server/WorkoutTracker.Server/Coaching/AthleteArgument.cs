using GraphQL;
using WorkoutTracker.Server.GraphQL;

namespace WorkoutTracker.Server.Coaching;

public static class AthleteArgument
{
    /// <summary>
    /// The athlete a field reads: its <c>athleteId</c> argument when given (the caller must be that athlete
    /// or a linked coach, else FORBIDDEN), the signed-in athlete otherwise.
    /// </summary>
    public static async Task<Guid> GetReadableAthleteIdAsync(this IResolveFieldContext context)
    {
        var user = await context.GetCurrentUserAsync();
        return await context.RequestServices!.GetRequiredService<AthleteAccess>()
            .ResolveReadableAthleteAsync(user, context.GetOptionalUuidArgument("athleteId"), context.CancellationToken);
    }
}
