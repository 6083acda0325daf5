using GraphQL;
using GraphQL.Types;
using WorkoutTracker.Server.Coaching;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.GraphQL;
using WorkoutTracker.Server.GraphQL.DataLoaders;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Sessions;

namespace WorkoutTracker.Server.History;

public static class HistoryFields
{
    public static void AddHistoryQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ExerciseHistoryType>>("exerciseHistory")
            .Description("Every day an athlete did an exercise, newest first: the sets, the best set and its e1RM, the volume. The signed-in athlete's, or a linked athlete's for a coach.")
            .Argument<NonNullGraphType<IdGraphType>>("exerciseId")
            .Argument<IdGraphType>("athleteId")
            .Argument<NonNullGraphType<IntGraphType>>("first", a => a.DefaultValue = 20)
            .Argument<CalendarDateGraphType>("before", a => a.Description = "Only days before this one (the last day of the previous page).")
            .ResolveAsync(async c =>
            {
                var athleteId = await c.GetReadableAthleteIdAsync();
                var exerciseId = c.GetArgument<string>("exerciseId");
                _ = await c.RequestServices!.GetRequiredService<ExerciseLookup>().FindUsableAsync(athleteId, exerciseId, c.CancellationToken)
                    ?? throw new Common.NotFoundException("Exercise", exerciseId);
                var page = await c.RequestServices!.GetRequiredService<HistoryReads>().ExerciseDaysAsync(
                    athleteId, c.GetArgument<string>("exerciseId"), c.GetArgument<int>("first"), c.GetArgument<DateOnly?>("before"), c.CancellationToken);
                return (c.GetArgument<string>("exerciseId"), page);
            });
    }

    /// <summary>The session's summary field (added to <c>Session</c>).</summary>
    public static void AddSummaryField(this ObjectGraphType<TrainingSession> session) =>
        session.Field<NonNullGraphType<SessionSummaryType>>("summary")
            .Description("Duration, volume, sets and the records broken: what the history list shows.")
            .Resolve(c => c.GetDataLoader<SessionSummaryBySessionIdDataLoader>().LoadAsync(c.Source.Id));
}

public sealed class SessionSummaryType : ObjectGraphType<SessionSummary>
{
    public SessionSummaryType()
    {
        Name = "SessionSummary";
        Field<IntGraphType>("durationSeconds").Description("From start to finish; null while the session is open.").Resolve(c => c.Source.DurationSeconds);
        Field<NonNullGraphType<FloatGraphType>>("volumeKg").Description("Load × reps of the hard sets (warm-ups left out).").Resolve(c => c.Source.VolumeKg);
        Field<NonNullGraphType<IntGraphType>>("setCount").Resolve(c => c.Source.SetCount);
        Field<NonNullGraphType<IntGraphType>>("hardSetCount").Description("Sets that are not warm-ups.").Resolve(c => c.Source.HardSetCount);
        Field<NonNullGraphType<IntGraphType>>("exerciseCount").Resolve(c => c.Source.ExerciseCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionRecordType>>>>("records")
            .Description("The records the session's sets broke when they were logged (as logSet's newRecords), in set order.")
            .Bounded(30)
            .Resolve(c => c.Source.Records);
    }
}

public sealed class SessionRecordType : ObjectGraphType<SessionRecord>
{
    public SessionRecordType()
    {
        Name = "SessionRecord";
        Field<NonNullGraphType<IdGraphType>>("setId").Resolve(c => c.Source.SetId);
        Field<NonNullGraphType<ExerciseType>>("exercise").Resolve(c => c.GetDataLoader<ExerciseByIdDataLoader>().LoadAsync(c.Source.ExerciseId));
        Field<NonNullGraphType<PersonalRecordKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<FloatGraphType>>("value").Description("kg for loads and e1RM, reps for MOST_REPS_AT_LOAD.").Resolve(c => c.Source.Value);
        Field<FloatGraphType>("previous").Description("The record before; null the first time.").Resolve(c => c.Source.Previous);
    }
}

public sealed class ExerciseHistoryType : ObjectGraphType<(string ExerciseId, ExerciseDayPage Page)>
{
    public ExerciseHistoryType()
    {
        Name = "ExerciseHistory";
        Field<NonNullGraphType<ExerciseType>>("exercise").Resolve(c => c.GetDataLoader<ExerciseByIdDataLoader>().LoadAsync(c.Source.ExerciseId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExerciseDayType>>>>("days").Bounded(HistoryReads.MaxDays).Resolve(c => c.Source.Page.Days);
        Field<NonNullGraphType<BooleanGraphType>>("hasMore").Description("Older days exist: ask again with before = the last day.").Resolve(c => c.Source.Page.HasMore);
    }
}

public sealed class ExerciseDayType : ObjectGraphType<ExerciseDay>
{
    public ExerciseDayType()
    {
        Name = "ExerciseDay";
        Field<NonNullGraphType<CalendarDateGraphType>>("date").Description("The athlete's day, in their time zone.").Resolve(c => c.Source.Date);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WorkoutSetType>>>>("sets").Description("Every set of the day, in order.").Bounded(30).Resolve(c => c.Source.Sets);
        Field<WorkoutSetType>("bestSet").Description("The hard set with the highest e1RM.").Resolve(c => c.Source.BestSet);
        Field<FloatGraphType>("bestE1rmKg").Resolve(c => c.Source.BestE1rmKg);
        Field<NonNullGraphType<FloatGraphType>>("volumeKg").Description("Load × reps of the hard sets.").Resolve(c => c.Source.VolumeKg);
    }
}
