using GraphQL.Types;
using WorkoutTracker.Server.GraphQL;

namespace WorkoutTracker.Server.Exercises;

public sealed class ExerciseType : ObjectGraphType<Exercise>
{
    public ExerciseType()
    {
        Name = "Exercise";
        Description = "An exercise of the catalog, or an athlete's custom one, with the muscles it trains and the equipment it needs.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable slug, e.g. \"barbell-back-squat\".").Resolve(c => c.Source.Id);
        Field(e => e.Name);
        Field<NonNullGraphType<MovementPatternType>>("pattern").Resolve(c => c.Source.Pattern);
        Field<NonNullGraphType<ExerciseLoadingType>>("loading").Description("How load is added, which decides the steps a load rounds to.").Resolve(c => c.Source.Loading);
        Field(e => e.IsCompound).Description("Multi-joint lift.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MuscleGroupType>>>>("primaryMuscles")
            .Description("Prime movers; a set counts 1 toward their weekly volume.").Bounded(3).Resolve(c => c.Source.PrimaryMuscles);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MuscleGroupType>>>>("secondaryMuscles")
            .Description("Synergists; a set counts 0.5 toward their weekly volume.").Bounded(4).Resolve(c => c.Source.SecondaryMuscles);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EquipmentType>>>>("equipment")
            .Description("Everything the exercise needs.").Bounded(4).Resolve(c => c.Source.Equipment);
        Field<NonNullGraphType<BooleanGraphType>>("isCustom").Description("Made by the athlete (seen by them and their coaches), not from the catalog.").Resolve(c => c.Source.IsCustom);
    }
}

public sealed class ExerciseFilterInputType : InputObjectGraphType<ExerciseFilter>
{
    public ExerciseFilterInputType()
    {
        Name = "ExerciseFilter";
        Field<MuscleGroupType>("muscle").Description("Exercises with this primary muscle.");
        Field<NonNullGraphType<BooleanGraphType>>("includeSecondary").DefaultValue(false).Description("Also match the muscle as a secondary one.");
        Field<ListGraphType<NonNullGraphType<EquipmentType>>>("availableEquipment").Description("Only exercises doable with this equipment.");
        Field<MovementPatternType>("pattern");
        Field<StringGraphType>("search").Description("Part of the name, case-insensitive.");
        Field<NonNullGraphType<BooleanGraphType>>("recentFirst").DefaultValue(false).Description("The athlete's most recently used exercises first, then by name.");
    }
}

public sealed class MuscleGroupType : EnumerationGraphType<MuscleGroup>
{
    public MuscleGroupType() => Name = "MuscleGroup";
}

public sealed class EquipmentType : EnumerationGraphType<Equipment>
{
    public EquipmentType() => Name = "Equipment";
}

public sealed class MovementPatternType : EnumerationGraphType<MovementPattern>
{
    public MovementPatternType() => Name = "MovementPattern";
}

public sealed class ExerciseLoadingType : EnumerationGraphType<ExerciseLoading>
{
    public ExerciseLoadingType() => Name = "ExerciseLoading";
}

public sealed class CreateExerciseInputType : GraphQL.InputRecordGraphType<CreateExerciseInput>
{
    public CreateExerciseInputType()
    {
        Name = "CreateExerciseInput";
        Field<NonNullGraphType<IdGraphType>>("clientMutationId");
        Field<NonNullGraphType<StringGraphType>>("name").Description($"2 to {CustomExerciseCommands.MaxNameLength} characters, unique among the catalog and your exercises.");
        Field<NonNullGraphType<MovementPatternType>>("pattern");
        Field<NonNullGraphType<ExerciseLoadingType>>("loading").Description("How load is added (decides the plate calculator and load steps).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MuscleGroupType>>>>("primaryMuscles").Description("1 to 3.");
        Field<ListGraphType<NonNullGraphType<MuscleGroupType>>>("secondaryMuscles").Description("At most 4.");
        Field<ListGraphType<NonNullGraphType<EquipmentType>>>("equipment").Description("At most 4; none means bodyweight.");
        Field<NonNullGraphType<BooleanGraphType>>("isCompound").DefaultValue(false);
        Field<IdGraphType>("id").Description("A UUID the client made: the exercise's id is then custom-<the UUID without dashes>, known before the call reaches the server.");
    }
}

public sealed class ExercisePayloadType : ObjectGraphType<GraphQL.MutationPayload<Exercise>>
{
    public ExercisePayloadType()
    {
        Name = "ExercisePayload";
        GraphQL.MutationPayloadFields.AddPayloadFields(this);
        Field<NonNullGraphType<ExerciseType>>("exercise").Resolve(c => c.Source.Result);
    }
}
