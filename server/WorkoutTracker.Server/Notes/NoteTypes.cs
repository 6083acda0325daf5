using GraphQL;
using GraphQL.Types;
using WorkoutTracker.Server.Coaching;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.GraphQL;
using WorkoutTracker.Server.GraphQL.DataLoaders;
using WorkoutTracker.Server.Sessions;

namespace WorkoutTracker.Server.Notes;

public static class NoteFields
{
    public static void AddNoteQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExerciseNoteType>>>>("exerciseNotes")
            .Description("The sticky notes an athlete keeps per exercise (shown each time they do it): the signed-in athlete's, or a linked athlete's for a coach.")
            .Argument<IdGraphType>("athleteId")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("exerciseIds", a => a.Description = "Only these exercises' notes.")
            .ResolveAsync(async c =>
            {
                var athleteId = await c.GetReadableAthleteIdAsync();
                var ids = c.GetArgument<List<string>?>("exerciseIds");
                if (ids is { Count: > 200 })
                {
                    throw new Common.ValidationException("exerciseIds", "must name at most 200 exercises.");
                }

                return await c.RequestServices!.GetRequiredService<NoteReads>().ExerciseNotesAsync(athleteId, ids, c.CancellationToken);
            });
    }

    public static void AddNoteMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SessionPayloadType>>("setSessionNote")
            .Description($"Write (or, blank, clear) the note on one of your sessions, open or finished; at most {NoteRules.MaxSessionNote} characters.")
            .Argument<NonNullGraphType<SetSessionNoteInputType>>("input")
            .ResolveAsync(c => MutationResolver.RunAsync<NoteCommands, SetSessionNoteInput, TrainingSession>(c, (commands, user, input, ct) => commands.SetSessionNoteAsync(user, input, ct)));

        mutation.Field<NonNullGraphType<ExerciseNotePayloadType>>("setExerciseNote")
            .Description($"Write (or, blank, clear) your sticky note on an exercise; at most {NoteRules.MaxExerciseNote} characters.")
            .Argument<NonNullGraphType<SetExerciseNoteInputType>>("input")
            .ResolveAsync(c => MutationResolver.RunAsync<NoteCommands, SetExerciseNoteInput, ExerciseNoteView>(c, (commands, user, input, ct) => commands.SetExerciseNoteAsync(user, input, ct)));
    }
}

public sealed class ExerciseNoteType : ObjectGraphType<ExerciseNoteView>
{
    public ExerciseNoteType()
    {
        Name = "ExerciseNote";
        Description = "An athlete's sticky note on an exercise.";
        Field<NonNullGraphType<IdGraphType>>("exerciseId").Resolve(c => c.Source.ExerciseId);
        Field<NonNullGraphType<ExerciseType>>("exercise").Resolve(c => c.GetDataLoader<ExerciseByIdDataLoader>().LoadAsync(c.Source.ExerciseId));
        Field<StringGraphType>("note").Description("Null once cleared.").Resolve(c => c.Source.Text);
        Field<InstantGraphType>("updatedAt").Resolve(c => c.Source.UpdatedAt);
    }
}

public sealed class ExerciseNotePayloadType : ObjectGraphType<MutationPayload<ExerciseNoteView>>
{
    public ExerciseNotePayloadType()
    {
        Name = "ExerciseNotePayload";
        this.AddPayloadFields();
        Field<NonNullGraphType<ExerciseNoteType>>("exerciseNote").Resolve(c => c.Source.Result);
    }
}

public sealed class SetSessionNoteInputType : InputRecordGraphType<SetSessionNoteInput>
{
    public SetSessionNoteInputType()
    {
        Name = "SetSessionNoteInput";
        Field<NonNullGraphType<IdGraphType>>("clientMutationId");
        Field<NonNullGraphType<IdGraphType>>("sessionId");
        Field<StringGraphType>("note").Description("Blank or omitted clears the note.");
    }
}

public sealed class SetExerciseNoteInputType : InputRecordGraphType<SetExerciseNoteInput>
{
    public SetExerciseNoteInputType()
    {
        Name = "SetExerciseNoteInput";
        Field<NonNullGraphType<IdGraphType>>("clientMutationId");
        Field<NonNullGraphType<IdGraphType>>("exerciseId");
        Field<StringGraphType>("note").Description("Blank or omitted clears the note.");
    }
}
