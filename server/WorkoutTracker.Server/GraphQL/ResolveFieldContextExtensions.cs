using GraphQL;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.Identity;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.GraphQL;

public static class ResolveFieldContextExtensions
{
    /// <summary>The signed-in user, loaded once per request; throws UNAUTHENTICATED when there is none.</summary>
    public static Task<User> GetCurrentUserAsync(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<CurrentUser>().RequireAsync(context.User, context.CancellationToken);

    /// <summary>An <c>ID</c> argument that must be a UUID; anything else is a VALIDATION error naming the argument.</summary>
    public static Guid GetUuidArgument(this IResolveFieldContext context, string name) =>
        Guid.TryParse(context.GetArgument<string>(name), out var id) ? id : throw new ValidationException(name, "is not a valid id.");

    /// <summary>Like <see cref="GetUuidArgument"/> for an optional argument.</summary>
    public static Guid? GetOptionalUuidArgument(this IResolveFieldContext context, string name) =>
        context.GetArgument<string?>(name) is null ? null : context.GetUuidArgument(name);

    /// <summary>An optional event-log cursor argument (<c>after</c>); one this API did not give out is a VALIDATION error.</summary>
    public static EventCursor? GetEventCursorArgument(this IResolveFieldContext context, string name) =>
        context.GetArgument<string?>(name) is { } value ? EventCursor.Decode(value, name) : null;
}
