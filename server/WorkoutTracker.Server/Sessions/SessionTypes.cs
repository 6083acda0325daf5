using GraphQL.Types;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.GraphQL;
using WorkoutTracker.Server.GraphQL.DataLoaders;
using WorkoutTracker.Server.History;

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
        Field<StringGraphType>("note").Description("The athlete's note on the session.").Resolve(c => c.Source.Note);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionExerciseType>>>>("exercises")
            .Description("Exercises added to the session beyond its plan day, and exercises (planned or added) grouped into supersets; added ones in the order they were added.")
            .Resolve(c => c.GetDataLoader<SessionExercisesBySessionIdDataLoader>().LoadAsync(c.Source.Id));
        this.AddSummaryField();
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
        Field<NonNullGraphType<SetTypeType>>("setType").Resolve(c => c.Source.SetType);
        Field<StringGraphType>("note").Resolve(c => c.Source.Note);
        Field<NonNullGraphType<InstantGraphType>>("performedAt").Resolve(c => c.Source.PerformedAt);
    }
}

public sealed class SessionExerciseType : ObjectGraphType<SessionExercise>
{
    public SessionExerciseType()
    {
        Name = "SessionExercise";
        Description = "An exercise added to a session, or grouped into one of its supersets.";
        Field<NonNullGraphType<ExerciseType>>("exercise").Resolve(c => c.GetDataLoader<ExerciseByIdDataLoader>().LoadAsync(c.Source.ExerciseId));
        Field<NonNullGraphType<BooleanGraphType>>("added").Description("Added during the session (not on its plan day).").Resolve(c => c.Source.Added);
        Field<StringGraphType>("supersetGroup").Description("Exercises with the same group are done as a superset (one set of each, then the rest).").Resolve(c => c.Source.SupersetGroup);
    }
}

public sealed class SessionEventKindType : EnumerationGraphType<SessionEventKind>
{
    public SessionEventKindType() => Name = "SessionEventKind";
}
