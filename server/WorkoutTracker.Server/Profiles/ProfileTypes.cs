using GraphQL.Types;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.GraphQL;
using WorkoutTracker.Server.GraphQL.DataLoaders;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Profiles;

public sealed class TrainingProfileType : ObjectGraphType<AthleteProfile>
{
    public TrainingProfileType()
    {
        Name = "TrainingProfile";
        Description = "How an athlete trains; the weekly plan is generated from it.";
        Field<NonNullGraphType<TrainingGoalType>>("goal").Resolve(c => c.Source.Goal);
        Field<NonNullGraphType<IntGraphType>>("daysPerWeek").Description("2–6.").Resolve(c => c.Source.DaysPerWeek);
        Field<NonNullGraphType<ExperienceLevelType>>("experience").Resolve(c => c.Source.Experience);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EquipmentType>>>>("equipment").Description("Bodyweight is always available.").Resolve(c => c.Source.Equipment);
        Field<NonNullGraphType<IntGraphType>>("sessionMinutes").Description("20–180.").Resolve(c => c.Source.SessionMinutes);
        Field<NonNullGraphType<WeightUnitType>>("units").Description("The unit the athlete reads loads in; the API's loads stay kilograms.").Resolve(c => c.Source.Units);
        Field<NonNullGraphType<LoadingSetupType>>("loading")
            .Description("The gym's bars, plates and steps, in `units`: loads in the plan are rounded to them.")
            .Resolve(c => c.Source.ToTrainingProfile().LoadingSetup);
        Field<NonNullGraphType<StringGraphType>>("timeZone")
            .Description("The athlete's IANA time zone: it decides their days and weeks (plan, body map, \"today\").")
            .Resolve(c => c.GetDataLoader<UserByIdDataLoader>().LoadAsync(c.Source.UserId).Then(u => u?.TimeZone ?? Common.Calendar.AthleteCalendar.DefaultTimeZone));
        Field<NonNullGraphType<IntGraphType>>("planVersion").Description("Bumps on every profile change.").Resolve(c => c.Source.PlanVersion);
        Field<NonNullGraphType<InstantGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
    }
}

public sealed class TrainingGoalType : EnumerationGraphType<TrainingGoal>
{
    public TrainingGoalType() => Name = "TrainingGoal";
}

public sealed class ExperienceLevelType : EnumerationGraphType<ExperienceLevel>
{
    public ExperienceLevelType() => Name = "ExperienceLevel";
}

public sealed class WeightUnitType : EnumerationGraphType<WeightUnit>
{
    public WeightUnitType() => Name = "WeightUnit";
}

public sealed class UpdateProfileInputType : InputRecordGraphType<UpdateProfileInput>
{
    public UpdateProfileInputType()
    {
        Name = "UpdateProfileInput";
        Description = "New values for the profile; omitted fields keep their value. Every change bumps planVersion.";
        Field<NonNullGraphType<IdGraphType>>("clientMutationId");
        Field<TrainingGoalType>("goal");
        Field<IntGraphType>("daysPerWeek").Description("2–6.");
        Field<ExperienceLevelType>("experience");
        Field<ListGraphType<NonNullGraphType<EquipmentType>>>("equipment").Description("The whole list of equipment at hand.");
        Field<IntGraphType>("sessionMinutes").Description("20–180.");
        Field<WeightUnitType>("units");
        Field<StringGraphType>("displayName").Description("1–100 characters.");
        Field<StringGraphType>("timeZone").Description("An IANA time zone id (Europe/Berlin).");
        Field<LoadingSetupInputType>("loading").Description("The gym's loading, in the profile's units (after this change's `units`).");
    }
}

public sealed class LoadingSetupType : ObjectGraphType<LoadingSetup>
{
    public LoadingSetupType()
    {
        Name = "LoadingSetup";
        Description = "What the athlete can load, in their unit.";
        Field<NonNullGraphType<WeightUnitType>>("unit").Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<FloatGraphType>>("barWeight").Description("The empty straight barbell.").Resolve(c => c.Source.BarWeight);
        Field<NonNullGraphType<FloatGraphType>>("ezBarWeight").Resolve(c => c.Source.EzBarWeight);
        Field<NonNullGraphType<FloatGraphType>>("trapBarWeight").Resolve(c => c.Source.TrapBarWeight);
        Field<NonNullGraphType<FloatGraphType>>("smallestPlatePerSide").Description("Plates go on in pairs: bar loads move in twice this.").Resolve(c => c.Source.SmallestPlatePerSide);
        Field<NonNullGraphType<FloatGraphType>>("dumbbellStep").Description("Between fixed dumbbells, per hand; the lightest is one step.").Resolve(c => c.Source.DumbbellStep);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FloatGraphType>>>>("kettlebellSizes").Resolve(c => c.Source.KettlebellSizes);
        Field<NonNullGraphType<FloatGraphType>>("stackStep").Description("Of a selectorized machine stack.").Resolve(c => c.Source.StackStep);
        Field<NonNullGraphType<FloatGraphType>>("bodyweightStep").Description("Of load added to bodyweight work.").Resolve(c => c.Source.BodyweightStep);
    }
}

public sealed class LoadingSetupInputType : InputRecordGraphType<LoadingSetupInput>
{
    public LoadingSetupInputType()
    {
        Name = "LoadingSetupInput";
        Description = "Omitted values keep the current setup's.";
        Field<FloatGraphType>("barWeight");
        Field<FloatGraphType>("ezBarWeight");
        Field<FloatGraphType>("trapBarWeight");
        Field<FloatGraphType>("smallestPlatePerSide");
        Field<FloatGraphType>("dumbbellStep");
        Field<ListGraphType<NonNullGraphType<FloatGraphType>>>("kettlebellSizes").Description("Ascending, at most 40.");
        Field<FloatGraphType>("stackStep");
        Field<FloatGraphType>("bodyweightStep");
    }
}

public sealed class ProfilePayloadType : ObjectGraphType<MutationPayload<AthleteProfile>>
{
    public ProfilePayloadType()
    {
        Name = "ProfilePayload";
        this.AddPayloadFields();
        Field<NonNullGraphType<TrainingProfileType>>("profile").Resolve(c => c.Source.Result);
    }
}
