using System.Globalization;
using GraphQL.Types;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.GraphQL;
using WorkoutTracker.Server.GraphQL.DataLoaders;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Progression.Schemes;

namespace WorkoutTracker.Server.Plans;

/// <summary>A piece of a plan with the unit its loads are in (the API also gives them in kilograms).</summary>
public sealed record InUnit<T>(T Value, WeightUnit Unit);

public sealed class WeeklyPlanType : ObjectGraphType<WeeklyPlanView>
{
    public WeeklyPlanType()
    {
        Name = "WeeklyPlan";
        Description = "An athlete's training week, generated from their profile and progression.";
        Field<NonNullGraphType<IdGraphType>>("athleteId").Resolve(c => c.Source.AthleteId);
        Field<NonNullGraphType<CalendarDateGraphType>>("weekStart").Description("Monday of the ISO week.").Resolve(c => c.Source.Plan.WeekStart);
        Field<NonNullGraphType<IntGraphType>>("isoWeek").Resolve(c => c.Source.Plan.IsoWeek);
        Field<NonNullGraphType<IntGraphType>>("planVersion").Resolve(c => c.Source.Plan.PlanVersion);
        Field<NonNullGraphType<SplitKindType>>("split").Resolve(c => c.Source.Plan.Split);
        Field<NonNullGraphType<WeightUnitType>>("unit").Description("The athlete's unit: what `load` fields are in.").Resolve(c => c.Source.Plan.Unit);
        Field<NonNullGraphType<BooleanGraphType>>("isDeloadWeek").Resolve(c => c.Source.Plan.IsDeloadWeek);
        Field<NonNullGraphType<IntGraphType>>("editsVersion").Description("Bumps on every edit of the week and on a reset; 0 when never edited.").Resolve(c => c.Source.EditsVersion);
        Field<NonNullGraphType<BooleanGraphType>>("isEdited").Description("The week has edits on top of the generated plan (resetWeeklyPlan undoes them).").Resolve(c => c.Source.EditCount > 0);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanDayType>>>>("days")
            .Bounded(TrainingProfile.MaxDaysPerWeek)
            .Resolve(c => c.Source.Plan.Days.Select(d => new InUnit<PlanDay>(d, c.Source.Plan.Unit)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MuscleGroupType>>>>("untrainedMuscles")
            .Description("Muscle groups the week cannot train (equipment or time), empty when every group is trained.")
            .Bounded(18)
            .Resolve(c => c.Source.Plan.UntrainedMuscles.Select(u => u.Muscle).ToList());
    }
}

public sealed class PlanDayType : ObjectGraphType<InUnit<PlanDay>>
{
    public PlanDayType()
    {
        Name = "PlanDay";
        Field<NonNullGraphType<IntGraphType>>("dayNumber").Description("1-based, in training order.").Resolve(c => c.Source.Value.DayNumber);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Value.Name);
        Field<NonNullGraphType<DayFocusType>>("focus").Resolve(c => c.Source.Value.Focus);
        Field<NonNullGraphType<IntGraphType>>("estimatedMinutes").Resolve(c => c.Source.Value.EstimatedMinutes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlannedExerciseType>>>>("exercises")
            .Bounded(12)
            .Resolve(c => c.Source.Value.Exercises.Select(e => new InUnit<PlannedExercise>(e, c.Source.Unit)).ToList());
    }
}

public sealed class PlannedExerciseType : ObjectGraphType<InUnit<PlannedExercise>>
{
    public PlannedExerciseType()
    {
        Name = "PlannedExercise";
        Field<NonNullGraphType<ExerciseType>>("exercise").Resolve(c => c.GetDataLoader<ExerciseByIdDataLoader>().LoadAsync(c.Source.Value.ExerciseId));
        Field<NonNullGraphType<ExerciseRoleType>>("role").Resolve(c => c.Source.Value.Role);
        Field<NonNullGraphType<TargetMeasureType>>("measure").Description("Whether target reps are repetitions or seconds.").Resolve(c => c.Source.Value.Measure);
        Field<NonNullGraphType<ProgressionSchemeType>>("scheme").Resolve(c => c.Source.Value.Scheme);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TargetSetType>>>>("targetSets")
            .Bounded(6)
            .Resolve(c => c.Source.Value.TargetSets.Select(t => new InUnit<TargetSet>(t, c.Source.Unit)).ToList());
        Field<StringGraphType>("supersetGroup").Description("Exercises of the day with the same group are done as a superset; null for straight sets.").Resolve(c => c.Source.Value.SupersetGroup);
        Field<ExerciseType>("swappedFrom").Description("The generated exercise this one replaced, when swapped.")
            .Resolve(c => c.Source.Value.SwappedFromExerciseId is { } id ? c.GetDataLoader<ExerciseByIdDataLoader>().LoadAsync(id) : null);
        Field<NonNullGraphType<BooleanGraphType>>("added").Description("Added to the day by an edit.").Resolve(c => c.Source.Value.Added);
    }
}

public sealed class TargetSetType : ObjectGraphType<InUnit<TargetSet>>
{
    public TargetSetType()
    {
        Name = "TargetSet";
        Field<NonNullGraphType<IntGraphType>>("setNumber").Resolve(c => c.Source.Value.SetNumber);
        Field<NonNullGraphType<IntGraphType>>("repsMin").Resolve(c => c.Source.Value.RepsMin);
        Field<NonNullGraphType<IntGraphType>>("repsMax").Resolve(c => c.Source.Value.RepsMax);
        Field<NonNullGraphType<FloatGraphType>>("load").Description("Suggested load in the plan's unit, rounded to what the athlete can load.").Resolve(c => c.Source.Value.Load);
        Field<NonNullGraphType<FloatGraphType>>("loadKg").Description("The same load in kilograms.")
            .Resolve(c => decimal.Round(WeightConversion.Convert(c.Source.Value.Load, c.Source.Unit, WeightUnit.Kg), 3));
        Field<FloatGraphType>("rpe").Resolve(c => c.Source.Value.Rpe);
    }
}

public sealed class ProgressionSchemeType : ObjectGraphType<ProgressionScheme>
{
    public ProgressionSchemeType()
    {
        Name = "ProgressionScheme";
        Description = "The rule that moves an exercise's targets from session to session.";
        Field<NonNullGraphType<SchemeKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("summary").Description("The rule and its parameters in words.").Resolve(c => Describe(c.Source));
        Field<FloatGraphType>("targetRpe").Resolve(c => c.Source.TargetRpe);
    }

    public static string Describe(ProgressionScheme scheme)
    {
        var deload = scheme.Deload is { } d ? string.Create(CultureInfo.InvariantCulture, $"; deload {d.ReductionPercent}% after {d.AfterFailures} failed sessions") : "";
        return scheme switch
        {
            LinearProgression l => string.Create(CultureInfo.InvariantCulture, $"Linear: {l.Reps} reps; add {Change(l.Increment)} after {l.SuccessesToIncrease} successful session(s)")
                + (l.Decrement is { } dec ? string.Create(CultureInfo.InvariantCulture, $", take off {Change(dec)} after {l.FailuresToDecrease} failed") : "") + deload,
            DoubleProgression p => string.Create(CultureInfo.InvariantCulture, $"Double progression: {p.RepsMin}–{p.RepsMax} reps, +{p.RepStep} rep per successful session; at {p.RepsMax} add {Change(p.Increment)} and return to {p.RepsMin}") + deload,
            RpeProgression r => string.Create(CultureInfo.InvariantCulture, $"RPE-based: {r.Reps} reps @ RPE {r.TargetRpe}; load from the best e1RM") + deload,
            _ => scheme.Kind.ToString(),
        };
    }

    private static string Change(LoadChange change) => change.Kind switch
    {
        LoadChangeKind.Percent => string.Create(CultureInfo.InvariantCulture, $"{change.Amount}%"),
        LoadChangeKind.Steps => string.Create(CultureInfo.InvariantCulture, $"{change.Amount:0} loading step(s)"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{change.Amount}"),
    };
}

public sealed class SplitKindType : EnumerationGraphType<SplitKind>
{
    public SplitKindType() => Name = "SplitKind";
}

public sealed class DayFocusType : EnumerationGraphType<DayFocus>
{
    public DayFocusType() => Name = "DayFocus";
}

public sealed class ExerciseRoleType : EnumerationGraphType<ExerciseRole>
{
    public ExerciseRoleType() => Name = "ExerciseRole";
}

public sealed class TargetMeasureType : EnumerationGraphType<TargetMeasure>
{
    public TargetMeasureType() => Name = "TargetMeasure";
}

public sealed class SchemeKindType : EnumerationGraphType<SchemeKind>
{
    public SchemeKindType() => Name = "SchemeKind";
}
