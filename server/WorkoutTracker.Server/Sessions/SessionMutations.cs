using GraphQL.Types;
using WorkoutTracker.Server.GraphQL;

namespace WorkoutTracker.Server.Sessions;

public static class SessionMutations
{
    public static void AddSessionMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SessionPayloadType>>("startSession")
            .Description("Start a workout session.")
            .Argument<NonNullGraphType<StartSessionInputType>>("input")
            .ResolveAsync(c => MutationResolver.RunAsync<SessionCommands, StartSessionInput, TrainingSession>(c, (commands, user, input, ct) => commands.StartAsync(user, input, ct)));

        mutation.Field<NonNullGraphType<SetPayloadType>>("logSet")
            .Description("Log a set into an open session. Idempotent by clientMutationId.")
            .Argument<NonNullGraphType<LogSetInputType>>("input")
            .ResolveAsync(c => MutationResolver.RunAsync<SessionCommands, LogSetInput, SetChange>(c, (commands, user, input, ct) => commands.LogSetAsync(user, input, ct)));

        mutation.Field<NonNullGraphType<SetPayloadType>>("updateSet")
            .Description("Replace a logged set's values.")
            .Argument<NonNullGraphType<UpdateSetInputType>>("input")
            .ResolveAsync(c => MutationResolver.RunAsync<SessionCommands, UpdateSetInput, SetChange>(c, (commands, user, input, ct) => commands.UpdateSetAsync(user, input, ct)));

        mutation.Field<NonNullGraphType<SetPayloadType>>("deleteSet")
            .Description("Delete a logged set.")
            .Argument<NonNullGraphType<DeleteSetInputType>>("input")
            .ResolveAsync(c => MutationResolver.RunAsync<SessionCommands, DeleteSetInput, SetChange>(c, (commands, user, input, ct) => commands.DeleteSetAsync(user, input, ct)));

        mutation.Field<NonNullGraphType<SessionPayloadType>>("finishSession")
            .Description("Finish a session; its sets then feed the progression engine.")
            .Argument<NonNullGraphType<FinishSessionInputType>>("input")
            .ResolveAsync(c => MutationResolver.RunAsync<SessionCommands, FinishSessionInput, TrainingSession>(c, (commands, user, input, ct) => commands.FinishAsync(user, input, ct)));

        mutation.Field<NonNullGraphType<SessionPayloadType>>("addSessionExercise")
            .Description("Add an exercise that is not on the session's plan day (any catalog exercise, or one of yours) to an open session.")
            .Argument<NonNullGraphType<AddSessionExerciseInputType>>("input")
            .ResolveAsync(c => MutationResolver.RunAsync<SessionLayoutCommands, AddSessionExerciseInput, TrainingSession>(c, (commands, user, input, ct) => commands.AddExerciseAsync(user, input, ct)));

        mutation.Field<NonNullGraphType<SessionPayloadType>>("groupSessionSuperset")
            .Description($"Group 2 to {SessionLayoutCommands.MaxSupersetSize} of an open session's exercises into a superset; one exercise alone is taken out of its superset.")
            .Argument<NonNullGraphType<GroupSessionSupersetInputType>>("input")
            .ResolveAsync(c => MutationResolver.RunAsync<SessionLayoutCommands, GroupSessionSupersetInput, TrainingSession>(c, (commands, user, input, ct) => commands.GroupSupersetAsync(user, input, ct)));
    }
}
