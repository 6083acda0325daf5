using GraphQL;
using GraphQL.Types;
using WorkoutTracker.Server.Coaching;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.GraphQL;

namespace WorkoutTracker.Server.Plans;

public static class PlanEditFields
{
    public static void AddPlanEditQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExerciseType>>>>("exerciseSwaps")
            .Description("Exercises that can replace this one in the athlete's plan: the same primary muscle, doable with their equipment (catalog and custom), best first.")
            .Argument<NonNullGraphType<IdGraphType>>("exerciseId")
            .Argument<IdGraphType>("athleteId")
            .Argument<NonNullGraphType<IntGraphType>>("first", a => a.DefaultValue = 10)
            .ResolveAsync(async c =>
            {
                var athleteId = await c.GetReadableAthleteIdAsync();
                return await c.RequestServices!.GetRequiredService<PlanEditCommands>()
                    .SuggestSwapsAsync(athleteId, c.GetArgument<string>("exerciseId"), c.GetArgument<int>("first"), c.CancellationToken);
            });
    }

    public static void AddPlanEditMutations(this ObjectGraphType mutation)
    {
        Add<SwapPlannedExerciseInputType>(mutation, "swapPlannedExercise", "Swap a planned exercise of a day for another (any catalog or custom exercise; exerciseSwaps suggests some). Its sets stay; targets come from your progression of the new exercise.", (x, u, i, ct) => x.SwapAsync(u, i, ct));
        Add<SkipPlannedExerciseInputType>(mutation, "skipPlannedExercise", "Take a planned exercise out of a day this week.", (x, u, i, ct) => x.SkipAsync(u, i, ct));
        Add<AddPlannedExerciseInputType>(mutation, "addPlannedExercise", "Add an exercise to a day this week (3 sets at your progression's targets unless given).", (x, u, i, ct) => x.AddAsync(u, i, ct));
        Add<ChangePlannedTargetsInputType>(mutation, "changePlannedTargets", "Change a planned exercise's sets, reps, load (the plan's unit) or RPE this week.", (x, u, i, ct) => x.ChangeTargetsAsync(u, i, ct));
        Add<GroupPlannedSupersetInputType>(mutation, "groupPlannedSuperset", "Group 2 to 4 exercises of a day into a superset; one exercise alone is taken out of its superset.", (x, u, i, ct) => x.GroupSupersetAsync(u, i, ct));
        Add<ResetWeeklyPlanInputType>(mutation, "resetWeeklyPlan", "Undo every edit of the week: back to the generated plan.", (x, u, i, ct) => x.ResetAsync(u, i, ct));
    }

    private static void Add<TInputType>(
        ObjectGraphType mutation, string name, string description,
        Func<PlanEditCommands, Profiles.User, PlanEditInput, CancellationToken, Task<Common.Idempotency.Idempotent<WeeklyPlanView>>> run)
        where TInputType : IInputObjectGraphType =>
        mutation.Field<NonNullGraphType<WeeklyPlanPayloadType>>(name)
            .Description(description + " The athlete's own week, or (with athleteId) a linked coach's athlete's.")
            .Argument<NonNullGraphType<TInputType>>("input")
            .ResolveAsync(c => MutationResolver.RunAsync(c, run));
}

public sealed class WeeklyPlanPayloadType : ObjectGraphType<MutationPayload<WeeklyPlanView>>
{
    public WeeklyPlanPayloadType()
    {
        Name = "WeeklyPlanPayload";
        Description = "Result of a plan edit: the week as it stands now.";
        this.AddPayloadFields();
        Field<NonNullGraphType<WeeklyPlanType>>("plan").Resolve(c => c.Source.Result);
    }
}

/// <summary>The fields every plan edit's input has.</summary>
public abstract class PlanEditInputType : InputRecordGraphType<PlanEditInput>
{
    protected PlanEditInputType(string name, bool exercise = true)
    {
        Name = name;
        Field<NonNullGraphType<IdGraphType>>("clientMutationId");
        Field<IdGraphType>("athleteId").Description("The athlete, for their coach; an athlete edits their own week.");
        Field<CalendarDateGraphType>("weekStart").Description("A Monday; this week by default.");
        if (exercise)
        {
            Field<NonNullGraphType<IntGraphType>>("dayNumber").Description("The training day, 1-based.");
        }
    }

    protected void ExerciseField() => Field<NonNullGraphType<IdGraphType>>("exerciseId");

    protected void TargetFields()
    {
        Field<IntGraphType>("sets").Description($"1 to {PlanEdits.MaxSets}.");
        Field<IntGraphType>("repsMin").Description("1 to 100.");
        Field<IntGraphType>("repsMax").Description("repsMin to 100.");
        Field<FloatGraphType>("load").Description("In the plan's unit.");
        Field<FloatGraphType>("rpe").Description("1 to 10 in steps of 0.5.");
    }
}

public sealed class SwapPlannedExerciseInputType : PlanEditInputType
{
    public SwapPlannedExerciseInputType() : base("SwapPlannedExerciseInput")
    {
        ExerciseField();
        Field<NonNullGraphType<IdGraphType>>("withExerciseId").Description("The exercise to do instead.");
    }
}

public sealed class SkipPlannedExerciseInputType : PlanEditInputType
{
    public SkipPlannedExerciseInputType() : base("SkipPlannedExerciseInput") => ExerciseField();
}

public sealed class AddPlannedExerciseInputType : PlanEditInputType
{
    public AddPlannedExerciseInputType() : base("AddPlannedExerciseInput")
    {
        ExerciseField();
        TargetFields();
    }
}

public sealed class ChangePlannedTargetsInputType : PlanEditInputType
{
    public ChangePlannedTargetsInputType() : base("ChangePlannedTargetsInput")
    {
        ExerciseField();
        TargetFields();
    }
}

public sealed class GroupPlannedSupersetInputType : PlanEditInputType
{
    public GroupPlannedSupersetInputType() : base("GroupPlannedSupersetInput") =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("exerciseIds").Description("The exercises of the superset, in the order to do them.");
}

public sealed class ResetWeeklyPlanInputType : PlanEditInputType
{
    public ResetWeeklyPlanInputType() : base("ResetWeeklyPlanInput", exercise: false)
    {
    }
}
