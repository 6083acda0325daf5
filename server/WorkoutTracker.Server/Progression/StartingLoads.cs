using WorkoutTracker.Server.Exercises;

namespace WorkoutTracker.Server.Progression;

/// <summary>
/// A conservative first load for an exercise the athlete has no progress on, by implement, kind of
/// exercise and experience. The athlete overrides it after the first session if it is too light
/// (<see cref="ProgressionEngine.SetLoad"/>); too light is the safe error. Not rounded: round with
/// <see cref="LoadRounding"/> (<see cref="ExerciseProgress.Start"/> does).
/// <list type="table">
/// <listheader><term>Implement</term><description>beginner / intermediate / advanced, kg (lb)</description></listheader>
/// <item><term>Bars</term><description>the empty bar plus: lower-body compounds 0 / 40 / 60 (0 / 90 / 135); other compounds 0 / 20 / 40 (0 / 50 / 90); isolation 0 / 10 / 15 (0 / 20 / 30). A beginner always starts with the empty bar.</description></item>
/// <item><term>Dumbbells, per hand</term><description>compounds 8 / 16 / 22 (15 / 35 / 50); isolation 4 / 8 / 12 (10 / 20 / 25).</description></item>
/// <item><term>Kettlebells</term><description>lower-body compounds 8 / 16 / 24 (20 / 35 / 53); others 8 / 12 / 16 (15 / 25 / 35).</description></item>
/// <item><term>Stacks</term><description>lower-body compounds 40 / 80 / 120 (90 / 180 / 270); other compounds 20 / 35 / 50 (40 / 80 / 110); isolation 10 / 20 / 30 (20 / 40 / 60).</description></item>
/// <item><term>Bodyweight</term><description>0 added load.</description></item>
/// </list>
/// Lower-body compounds are the squat, hinge and lunge patterns. Example: an intermediate's first
/// barbell back squat is 20 + 40 = 60 kg (45 + 90 = 135 lb); an EZ-bar curl is 10 + 10 = 20 kg.
/// </summary>
public static class StartingLoads
{
    /// <summary>The starting load for <paramref name="exercise"/> in <paramref name="unit"/>, with the default bar weights unless <paramref name="setup"/> says otherwise.</summary>
    public static decimal For(Exercise exercise, ExperienceLevel experience, WeightUnit unit, LoadingSetup? setup = null)
    {
        var loading = setup ?? LoadingSetup.Default(unit);
        var kg = unit == WeightUnit.Kg;
        var level = (int)experience;
        var kind = KindOf(exercise);
        return LoadImplements.For(exercise) switch
        {
            LoadImplement.Barbell => loading.BarWeight + BarExtra(kind, kg)[level],
            LoadImplement.EzBar => loading.EzBarWeight + BarExtra(kind, kg)[level],
            LoadImplement.TrapBar => loading.TrapBarWeight + BarExtra(kind, kg)[level],
            LoadImplement.Dumbbell => (kind == Kind.Isolation ? Pick(kg, [4m, 8m, 12m], [10m, 20m, 25m]) : Pick(kg, [8m, 16m, 22m], [15m, 35m, 50m]))[level],
            LoadImplement.Kettlebell => (kind == Kind.LowerCompound ? Pick(kg, [8m, 16m, 24m], [20m, 35m, 53m]) : Pick(kg, [8m, 12m, 16m], [15m, 25m, 35m]))[level],
            LoadImplement.Stack => (kind switch
            {
                Kind.LowerCompound => Pick(kg, [40m, 80m, 120m], [90m, 180m, 270m]),
                Kind.OtherCompound => Pick(kg, [20m, 35m, 50m], [40m, 80m, 110m]),
                _ => Pick(kg, [10m, 20m, 30m], [20m, 40m, 60m]),
            })[level],
            _ => 0m,
        };
    }

    private static decimal[] BarExtra(Kind kind, bool kg) => kind switch
    {
        Kind.LowerCompound => Pick(kg, [0m, 40m, 60m], [0m, 90m, 135m]),
        Kind.OtherCompound => Pick(kg, [0m, 20m, 40m], [0m, 50m, 90m]),
        _ => Pick(kg, [0m, 10m, 15m], [0m, 20m, 30m]),
    };

    private static decimal[] Pick(bool kg, decimal[] kilograms, decimal[] pounds) => kg ? kilograms : pounds;

    private static Kind KindOf(Exercise exercise) => exercise switch
    {
        { IsCompound: false } => Kind.Isolation,
        { Pattern: MovementPattern.Squat or MovementPattern.Hinge or MovementPattern.Lunge } => Kind.LowerCompound,
        _ => Kind.OtherCompound,
    };

    private enum Kind
    {
        LowerCompound,
        OtherCompound,
        Isolation,
    }
}
