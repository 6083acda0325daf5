using GraphQL.Types;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.GraphQL;

namespace WorkoutTracker.Server.BodyMap;

public sealed class BodyMapType : ObjectGraphType<BodyMapView>
{
    public BodyMapType()
    {
        Name = "BodyMap";
        Description = "Which muscles an athlete trained in an ISO week and how hard (primary muscles count 1, secondary 0.5).";
        Field<NonNullGraphType<IdGraphType>>("athleteId").Resolve(c => c.Source.AthleteId);
        Field<NonNullGraphType<CalendarDateGraphType>>("weekStart").Description("Monday of the week, in the athlete's time zone.").Resolve(c => c.Source.WeekStart);
        Field<NonNullGraphType<IntGraphType>>("version").Description("Bumps on every set change in the week; 0 before the first.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MuscleVolumeType>>>>("muscles")
            .Description("Every muscle group, untrained ones at zero.")
            .Bounded(18)
            .Resolve(c => c.Source.Muscles);
    }
}

public sealed class MuscleVolumeType : ObjectGraphType<MuscleVolume>
{
    public MuscleVolumeType()
    {
        Name = "MuscleVolume";
        Field<NonNullGraphType<MuscleGroupType>>("muscle").Resolve(c => c.Source.Muscle);
        Field<NonNullGraphType<FloatGraphType>>("hardSets").Description("Work sets with ≥1 rep (and RPE ≥ 6 when rated).").Resolve(c => c.Source.HardSets);
        Field<NonNullGraphType<FloatGraphType>>("totalReps").Resolve(c => c.Source.TotalReps);
        Field<NonNullGraphType<FloatGraphType>>("volumeLoadKg").Description("Load × reps in kilograms.").Resolve(c => c.Source.VolumeLoadKg);
    }
}
