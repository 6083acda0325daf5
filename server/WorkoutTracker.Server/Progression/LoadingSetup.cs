namespace WorkoutTracker.Server.Progression;

/// <summary>
/// What an athlete can load, in one unit: bar weights, the smallest plate, and the steps of
/// dumbbells, kettlebells, weight stacks and added bodyweight load. <see cref="LoadRounding"/> rounds
/// every prescribed load to it. Start from <see cref="DefaultKg"/> or <see cref="DefaultLb"/> and
/// change what differs (<c>LoadingSetup.DefaultKg with { SmallestPlatePerSide = 0.5m }</c> for a gym
/// with fractional plates: barbell loads then move in 1 kg steps).
/// </summary>
/// <param name="Unit">The unit of every value below.</param>
/// <param name="BarWeight">The empty straight barbell (20 kg / 45 lb). No barbell load is below it.</param>
/// <param name="EzBarWeight">The empty EZ curl bar (10 kg / 20 lb).</param>
/// <param name="TrapBarWeight">The empty trap bar (25 kg / 55 lb).</param>
/// <param name="SmallestPlatePerSide">The smallest plate (1.25 kg / 2.5 lb). Plates go on in pairs, so bar loads move in twice this (2.5 kg / 5 lb).</param>
/// <param name="DumbbellStep">The step between fixed dumbbells, per hand (2 kg / 5 lb); the lightest dumbbell is one step.</param>
/// <param name="KettlebellSizes">The kettlebells available, ascending (4 kg steps from 4 to 48 kg; the common pound sizes 10–106 lb).</param>
/// <param name="StackStep">The step of a selectorized stack (5 kg / 10 lb); the lightest setting is one step.</param>
/// <param name="BodyweightStep">The step of load added to bodyweight work (2.5 kg / 5 lb); zero is allowed.</param>
public sealed record LoadingSetup(
    WeightUnit Unit,
    decimal BarWeight,
    decimal EzBarWeight,
    decimal TrapBarWeight,
    decimal SmallestPlatePerSide,
    decimal DumbbellStep,
    IReadOnlyList<decimal> KettlebellSizes,
    decimal StackStep,
    decimal BodyweightStep)
{
    /// <summary>A metric gym: 20 kg bar, 1.25 kg plates, 2 kg dumbbell steps, 4–48 kg kettlebells, 5 kg stack steps.</summary>
    public static LoadingSetup DefaultKg { get; } = new(
        WeightUnit.Kg,
        BarWeight: 20m,
        EzBarWeight: 10m,
        TrapBarWeight: 25m,
        SmallestPlatePerSide: 1.25m,
        DumbbellStep: 2m,
        KettlebellSizes: [4m, 8m, 12m, 16m, 20m, 24m, 28m, 32m, 36m, 40m, 44m, 48m],
        StackStep: 5m,
        BodyweightStep: 2.5m);

    /// <summary>An imperial gym: 45 lb bar, 2.5 lb plates, 5 lb dumbbell steps, common pound kettlebells, 10 lb stack steps.</summary>
    public static LoadingSetup DefaultLb { get; } = new(
        WeightUnit.Lb,
        BarWeight: 45m,
        EzBarWeight: 20m,
        TrapBarWeight: 55m,
        SmallestPlatePerSide: 2.5m,
        DumbbellStep: 5m,
        KettlebellSizes: [10m, 15m, 20m, 25m, 30m, 35m, 40m, 45m, 50m, 53m, 60m, 62m, 70m, 80m, 88m, 97m, 106m],
        StackStep: 10m,
        BodyweightStep: 5m);

    /// <summary>The default setup for a unit.</summary>
    public static LoadingSetup Default(WeightUnit unit) => unit == WeightUnit.Kg ? DefaultKg : DefaultLb;
}
