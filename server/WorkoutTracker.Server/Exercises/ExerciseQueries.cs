using GraphQL;
using GraphQL.Types;
using WorkoutTracker.Server.Coaching;
using WorkoutTracker.Server.GraphQL;

namespace WorkoutTracker.Server.Exercises;

public static class ExerciseQueries
{
    public static void AddExerciseQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExerciseType>>>>("exercises")
            .Description("The exercise catalog with the athlete's custom exercises (the signed-in athlete's, or with athleteId a linked athlete's for a coach), filtered; ordered by name.")
            .Argument<ExerciseFilterInputType>("filter")
            .Argument<IdGraphType>("athleteId")
            .ResolveAsync(async context =>
            {
                var filter = context.GetArgument<ExerciseFilter?>("filter") ?? new ExerciseFilter();
                var user = await context.GetCurrentUserAsync();
                Guid? athleteId = user.Role == Profiles.UserRole.Athlete || context.GetArgument<string?>("athleteId") is not null
                    ? await context.GetReadableAthleteIdAsync()
                    : null;
                return await context.RequestServices!.GetRequiredService<ExerciseSearch>().FindAsync(filter, context.CancellationToken, athleteId);
            });
    }
}

public static class ExerciseMutations
{
    public static void AddExerciseMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ExercisePayloadType>>("createExercise")
            .Description("Make a custom exercise: seen by you and your coaches, usable wherever a catalog exercise is.")
            .Argument<NonNullGraphType<CreateExerciseInputType>>("input")
            .ResolveAsync(c => MutationResolver.RunAsync<CustomExerciseCommands, CreateExerciseInput, Exercise>(c, (commands, user, input, ct) => commands.CreateAsync(user, input, ct)));
    }
}
