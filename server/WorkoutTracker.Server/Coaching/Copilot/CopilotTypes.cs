using GraphQL.Types;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.GraphQL.DataLoaders;

namespace WorkoutTracker.Server.Coaching.Copilot;

public sealed class CopilotSuggestionType : ObjectGraphType<CopilotSuggestion>
{
    public CopilotSuggestionType()
    {
        Name = "CopilotSuggestion";
        Description = "What to do next in a session, and why.";
        Field<NonNullGraphType<IdGraphType>>("sessionId").Resolve(c => c.Source.SessionId);
        Field<NonNullGraphType<IntGraphType>>("sessionVersion").Description("The session version the suggestion was made from.").Resolve(c => c.Source.SessionVersion);
        Field<CopilotSetType>("nextSet").Description("Null when every planned set is done.").Resolve(c => c.Source.Advice.NextSet);
        Field<NonNullGraphType<IntGraphType>>("restSeconds").Description("Rest before the next set (0 when there is none).").Resolve(c => c.Source.Advice.RestSeconds);
        Field<ExerciseSwapType>("swap").Description("An exercise to do instead, when the next one needs equipment that is taken.").Resolve(c => c.Source.Advice.Swap);
        Field<NonNullGraphType<StringGraphType>>("rationale").Resolve(c => c.Source.Advice.Rationale);
        Field<StringGraphType>("cursor")
            .Description("On suggestions pushed by copilotUpdated: the event-log position of the last set it follows; pass it as `after` to resume. Null from the copilot query.")
            .Resolve(c => c.Source.Cursor);
    }
}

public sealed class CopilotSetType : ObjectGraphType<CopilotSet>
{
    public CopilotSetType()
    {
        Name = "CopilotSet";
        Description = "The next set to do. Loads are kilograms.";
        Field<NonNullGraphType<IdGraphType>>("exerciseId").Resolve(c => c.Source.ExerciseId);
        Field<NonNullGraphType<ExerciseType>>("exercise").Resolve(c => c.GetDataLoader<ExerciseByIdDataLoader>().LoadAsync(c.Source.ExerciseId));
        Field<NonNullGraphType<IntGraphType>>("setNumber").Description("1-based among the exercise's work sets today.").Resolve(c => c.Source.SetNumber);
        Field<NonNullGraphType<FloatGraphType>>("loadKg").Resolve(c => c.Source.LoadKg);
        Field<NonNullGraphType<IntGraphType>>("reps").Resolve(c => c.Source.Reps);
        Field<FloatGraphType>("rpe").Description("Target RPE.").Resolve(c => c.Source.Rpe);
    }
}

public sealed class ExerciseSwapType : ObjectGraphType<CopilotSwap>
{
    public ExerciseSwapType()
    {
        Name = "ExerciseSwap";
        Description = "An exercise to do instead of one whose equipment is taken: same primary muscle, doable with the athlete's other equipment.";
        Field<NonNullGraphType<IdGraphType>>("exerciseId").Resolve(c => c.Source.ExerciseId);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<IdGraphType>>("replacesExerciseId").Resolve(c => c.Source.ReplacesExerciseId);
    }
}
