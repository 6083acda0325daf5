using GraphQL;
using GraphQL.Types;
using WorkoutTracker.Server.Coaching;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.GraphQL;
using WorkoutTracker.Server.GraphQL.DataLoaders;

namespace WorkoutTracker.Server.Progression;

public sealed class PersonalRecordType : ObjectGraphType<PersonalRecordView>
{
    public PersonalRecordType()
    {
        Name = "PersonalRecord";
        Description = "A standing record and the set that holds it (the first to reach it).";
        Field<NonNullGraphType<ExerciseType>>("exercise").Resolve(c => c.GetDataLoader<ExerciseByIdDataLoader>().LoadAsync(c.Source.ExerciseId));
        Field<NonNullGraphType<PersonalRecordKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<FloatGraphType>>("loadKg").Resolve(c => c.Source.LoadKg);
        Field<NonNullGraphType<IntGraphType>>("reps").Resolve(c => c.Source.Reps);
        Field<NonNullGraphType<FloatGraphType>>("e1rmKg").Description("Estimated 1RM of the set (RPE chart when rated, Epley otherwise).").Resolve(c => c.Source.E1rmKg);
        Field<NonNullGraphType<InstantGraphType>>("achievedAt").Resolve(c => c.Source.AchievedAt);
        Field<NonNullGraphType<IdGraphType>>("setId").Resolve(c => c.Source.SetId);
    }
}

public sealed class E1rmPointType : ObjectGraphType<E1rmPoint>
{
    public E1rmPointType()
    {
        Name = "E1rmPoint";
        Field<NonNullGraphType<CalendarDateGraphType>>("date").Resolve(c => c.Source.Date);
        Field<NonNullGraphType<FloatGraphType>>("e1rmKg").Resolve(c => c.Source.E1rmKg);
        Field<NonNullGraphType<FloatGraphType>>("loadKg").Description("The set that gave it.").Resolve(c => c.Source.LoadKg);
        Field<NonNullGraphType<IntGraphType>>("reps").Resolve(c => c.Source.Reps);
    }
}

public sealed class PersonalRecordKindType : EnumerationGraphType<PersonalRecordKind>
{
    public PersonalRecordKindType() => Name = "PersonalRecordKind";

    /// <summary>"e1RM" is one word: BEST_E1RM, not BEST_E_1_RM.</summary>
    protected override string ChangeEnumCase(string val) => base.ChangeEnumCase(val).Replace("E_1_RM", "E1RM", StringComparison.Ordinal);
}

public static class ProgressionQueries
{
    public static void AddProgressionQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonalRecordType>>>>("personalRecords")
            .Description("Heaviest load, most reps and best e1RM per exercise: the signed-in athlete's, or a linked athlete's for a coach.")
            .Argument<IdGraphType>("exerciseId")
            .Argument<IdGraphType>("athleteId")
            .ResolveAsync(async c =>
            {
                var athleteId = await c.GetReadableAthleteIdAsync();
                return await c.RequestServices!.GetRequiredService<TrainingHistory>().PersonalRecordsAsync(athleteId, c.GetArgument<string?>("exerciseId"), c.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<E1rmPointType>>>>("e1rmHistory")
            .Description("The best estimated 1RM of each training day for an exercise, oldest first: one point per day (the athlete's days, in their time zone) from `from` to `to` (both included; by default the year up to today).")
            .Argument<NonNullGraphType<IdGraphType>>("exerciseId")
            .Argument<IdGraphType>("athleteId")
            .Argument<CalendarDateGraphType>("from", a => a.Description = "First day of the range (the athlete's day, in their time zone); default: a year before `to`.")
            .Argument<CalendarDateGraphType>("to", a => a.Description = "Last day of the range (the athlete's day); default: the athlete's today.")
            .ResolveAsync(async c =>
            {
                var athleteId = await c.GetReadableAthleteIdAsync();
                var to = c.GetArgument<DateOnly?>("to") ?? Common.Calendar.AthleteCalendar.DayOf(
                    c.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow(),
                    await c.RequestServices!.GetRequiredService<Coaching.AthleteAccess>().TimeZoneOfAsync(await c.GetCurrentUserAsync(), athleteId, c.CancellationToken));
                var from = c.GetArgument<DateOnly?>("from") ?? to.AddDays(-TrainingHistory.DefaultE1rmDays);
                if (from > to)
                {
                    throw new Common.ValidationException("from", "must not be after `to`.");
                }

                return await c.RequestServices!.GetRequiredService<TrainingHistory>().E1rmHistoryAsync(athleteId, c.GetArgument<string>("exerciseId"), from, to, c.CancellationToken);
            });
    }
}
