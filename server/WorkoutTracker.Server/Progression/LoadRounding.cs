namespace WorkoutTracker.Server.Progression;

/// <summary>
/// Rounds loads to what an athlete can put on the implement with their <see cref="LoadingSetup"/>.
/// <list type="bullet">
/// <item>Bars (<see cref="LoadImplement.Barbell"/>, <see cref="LoadImplement.EzBar"/>, <see cref="LoadImplement.TrapBar"/>):
/// the empty bar plus pairs of the smallest plate. Default kg: 20, 22.5, 25, …; default lb: 45, 50, 55, ….
/// Never below the empty bar: 12 kg on a barbell rounds to 20 kg.</item>
/// <item>Dumbbells: multiples of the dumbbell step per hand, at least one step (2, 4, 6 kg …; 5, 10, 15 lb …).</item>
/// <item>Kettlebells: one of <see cref="LoadingSetup.KettlebellSizes"/>, clamped to the lightest and heaviest.</item>
/// <item>Stacks: multiples of the stack step, at least one step (5, 10, 15 kg …; 10, 20, 30 lb …).</item>
/// <item>Bodyweight: added load in multiples of the bodyweight step, zero or more.</item>
/// </list>
/// Worked example (kg defaults, barbell): 101 kg → 100 kg (nearest), 101.25 kg → 100 kg (halfway goes down),
/// 101.3 kg → 102.5 kg; with <see cref="RoundingDirection.Up"/> 100.1 kg → 102.5 kg. In pounds 220.46 lb → 220 lb.
/// </summary>
public static class LoadRounding
{
    /// <summary>Rounds <paramref name="load"/> (in <see cref="LoadingSetup.Unit"/>) to a loadable weight.</summary>
    public static decimal Round(
        decimal load,
        LoadImplement implement,
        LoadingSetup setup,
        RoundingDirection direction = RoundingDirection.Nearest)
    {
        if (implement == LoadImplement.Kettlebell)
        {
            return Normalize(RoundToSize(load, Sizes(setup), direction));
        }

        var ladder = LadderOf(implement, setup);
        var steps = (load - ladder.Start) / ladder.Step;
        var whole = direction switch
        {
            RoundingDirection.Down => Math.Floor(steps),
            RoundingDirection.Up => Math.Ceiling(steps),
            _ => steps - Math.Floor(steps) > 0.5m ? Math.Floor(steps) + 1 : Math.Floor(steps),
        };
        return Normalize(Math.Max(ladder.Minimum, ladder.Start + whole * ladder.Step));
    }

    /// <summary>Drops trailing zeros of the decimal scale (60.00 → 60) so loads print and serialize cleanly.</summary>
    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000m;

    /// <summary>The lightest load the implement allows: the empty bar, one dumbbell or stack step, the lightest kettlebell, or 0 added to bodyweight.</summary>
    public static decimal Minimum(LoadImplement implement, LoadingSetup setup) =>
        implement == LoadImplement.Kettlebell ? Sizes(setup)[0] : LadderOf(implement, setup).Minimum;

    /// <summary>
    /// The next loadable weight above <paramref name="load"/>: 100 kg on a barbell → 102.5 kg, a 16 kg
    /// kettlebell → 20 kg. At the heaviest kettlebell it stays there.
    /// </summary>
    public static decimal StepUp(decimal load, LoadImplement implement, LoadingSetup setup)
    {
        if (implement == LoadImplement.Kettlebell)
        {
            var sizes = Sizes(setup);
            return sizes.FirstOrDefault(size => size > load, sizes[^1]);
        }

        var up = Round(load, implement, setup, RoundingDirection.Up);
        return up > load ? up : up + LadderOf(implement, setup).Step;
    }

    /// <summary>
    /// The next loadable weight below <paramref name="load"/>, never below <see cref="Minimum"/>:
    /// 100 kg on a barbell → 97.5 kg, the empty bar stays the empty bar.
    /// </summary>
    public static decimal StepDown(decimal load, LoadImplement implement, LoadingSetup setup)
    {
        if (implement == LoadImplement.Kettlebell)
        {
            var sizes = Sizes(setup);
            return sizes.LastOrDefault(size => size < load, sizes[0]);
        }

        var ladder = LadderOf(implement, setup);
        var down = Round(load, implement, setup, RoundingDirection.Down);
        return down < load ? down : Math.Max(ladder.Minimum, down - ladder.Step);
    }

    /// <summary>Moves <paramref name="steps"/> loadable weights up (positive) or down (negative) from <paramref name="load"/>.</summary>
    public static decimal MoveSteps(decimal load, int steps, LoadImplement implement, LoadingSetup setup)
    {
        var result = load;
        for (var i = 0; i < Math.Abs(steps); i++)
        {
            result = steps > 0 ? StepUp(result, implement, setup) : StepDown(result, implement, setup);
        }

        return result;
    }

    /// <summary>Converts a load to another unit and rounds it there (100 kg barbell → 220 lb).</summary>
    public static decimal ConvertAndRound(decimal load, WeightUnit from, LoadImplement implement, LoadingSetup setup) =>
        Round(WeightConversion.Convert(load, from, setup.Unit), implement, setup);

    private static IReadOnlyList<decimal> Sizes(LoadingSetup setup)
    {
        if (setup.KettlebellSizes.Count == 0)
        {
            throw new ArgumentException("The loading setup lists no kettlebell sizes.", nameof(setup));
        }

        return setup.KettlebellSizes;
    }

    private static decimal RoundToSize(decimal load, IReadOnlyList<decimal> sizes, RoundingDirection direction)
    {
        var below = sizes.LastOrDefault(size => size <= load, sizes[0]);
        var above = sizes.FirstOrDefault(size => size >= load, sizes[^1]);
        return direction switch
        {
            RoundingDirection.Down => below,
            RoundingDirection.Up => above,
            _ => above - load < load - below ? above : below,
        };
    }

    private static Ladder LadderOf(LoadImplement implement, LoadingSetup setup)
    {
        var ladder = implement switch
        {
            LoadImplement.Barbell => new Ladder(setup.BarWeight, 2 * setup.SmallestPlatePerSide, setup.BarWeight),
            LoadImplement.EzBar => new Ladder(setup.EzBarWeight, 2 * setup.SmallestPlatePerSide, setup.EzBarWeight),
            LoadImplement.TrapBar => new Ladder(setup.TrapBarWeight, 2 * setup.SmallestPlatePerSide, setup.TrapBarWeight),
            LoadImplement.Dumbbell => new Ladder(0m, setup.DumbbellStep, setup.DumbbellStep),
            LoadImplement.Stack => new Ladder(0m, setup.StackStep, setup.StackStep),
            LoadImplement.Bodyweight => new Ladder(0m, setup.BodyweightStep, 0m),
            _ => throw new ArgumentOutOfRangeException(nameof(implement), implement, "Unknown implement."),
        };
        if (ladder.Step <= 0)
        {
            throw new ArgumentException($"The loading setup has no positive step for {implement}.", nameof(setup));
        }

        return ladder;
    }

    /// <summary>Loads <c>Start + k × Step</c>, none below <c>Minimum</c>.</summary>
    private readonly record struct Ladder(decimal Start, decimal Step, decimal Minimum);
}
