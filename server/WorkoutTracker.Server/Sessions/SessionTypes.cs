using GraphQL.Types;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.GraphQL;
using WorkoutTracker.Server.GraphQL.DataLoaders;

namespace WorkoutTracker.Server.Sessions;

public sealed class SessionType : ObjectGraphType<TrainingSession>
{
    public SessionType()
    {
        Name = "Session";
        Description = "One workout of an athlete.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("athleteId").Resolve(c => c.Source.AthleteId);
        Field<IntGraphType>("planDayNumber").Description("The day of the weekly plan it follows.").Resolve(c => c.Source.PlanDayNumber);
        Field<NonNullGraphType<InstantGraphType>>("startedAt").Resolve(c => c.Source.StartedAt);
        Field<InstantGraphType>("finishedAt").Resolve(c => c.Source.FinishedAt);
        Field<NonNullGraphType<IntGraphType>>("version").Description("Bumps on every change to the session or its sets.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WorkoutSetType>>>>("sets")
            .Description("Sets in the order they were logged.")
            .Resolve(c => c.GetDataLoader<SetsBySessionIdDataLoader>().LoadAsync(c.Source.Id));
    }
}

public sealed class WorkoutSetType : ObjectGraphType<WorkoutSet>
{
    public WorkoutSetType()
    {
        Name = "WorkoutSet";
        Description = "A set as performed. Loads are kilograms.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("sessionId").Resolve(c => c.Source.SessionId);
        Field<NonNullGraphType<ExerciseType>>("exercise")
            .Resolve(c => c.GetDataLoader<ExerciseByIdDataLoader>().LoadAsync(c.Source.ExerciseId));
        Field<NonNullGraphType<IntGraphType>>("order").Description("Position in the session, 1-based.").Resolve(c => c.Source.Order);
        Field<NonNullGraphType<FloatGraphType>>("loadKg").Resolve(c => c.Source.LoadKg);
        Field<NonNullGraphType<IntGraphType>>("reps").Resolve(c => c.Source.Reps);
        Field<FloatGraphType>("rpe").Description("Rate of perceived exertion, 1–10 in halves.").Resolve(c => c.Source.Rpe);
        Field<IntGraphType>("restSeconds").Resolve(c => c.Source.RestSeconds);
        Field<NonNullGraphType<BooleanGraphType>>("isWarmup").Resolve(c => c.Source.IsWarmup);
        Field<NonNullGraphType<InstantGraphType>>("performedAt").Resolve(c => c.Source.PerformedAt);
    }
}

public sealed class SessionEventKindType : EnumerationGraphType<SessionEventKind>
{
    public SessionEventKindType() => Name = "SessionEventKind";
}
