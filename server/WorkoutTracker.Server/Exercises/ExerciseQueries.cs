using GraphQL;
using GraphQL.Types;

namespace WorkoutTracker.Server.Exercises;

public static class ExerciseQueries
{
    public static void AddExerciseQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExerciseType>>>>("exercises")
            .Description("The exercise catalog, filtered; ordered by name.")
            .Argument<ExerciseFilterInputType>("filter")
            .ResolveAsync(async context =>
            {
                var filter = context.GetArgument<ExerciseFilter?>("filter") ?? new ExerciseFilter();
                return await context.RequestServices!.GetRequiredService<ExerciseSearch>().FindAsync(filter, context.CancellationToken);
            });
    }
}
