using GraphQL.Types;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.GraphQL;
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
