using GraphQL;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Common.Idempotency;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.GraphQL;

public static class MutationResolver
{
    /// <summary>
    /// Resolves a mutation field: reads its <c>input</c>, runs the command for the signed-in user with a
    /// service of type <typeparamref name="TCommands"/>, and wraps the result in a <see cref="MutationPayload{TResult}"/>.
    /// </summary>
    public static async Task<object?> RunAsync<TCommands, TInput, TResult>(
        IResolveFieldContext context,
        Func<TCommands, User, TInput, CancellationToken, Task<Idempotent<TResult>>> run)
        where TCommands : notnull
        where TInput : IMutationInput
    {
        var user = await context.GetCurrentUserAsync();
        var input = context.GetArgument<TInput>("input");
        var result = await run(context.RequestServices!.GetRequiredService<TCommands>(), user, input, context.CancellationToken);
        return new MutationPayload<TResult>(input.ClientMutationId, result.Replayed, result.Result);
    }
}
