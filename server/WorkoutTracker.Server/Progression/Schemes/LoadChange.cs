namespace WorkoutTracker.Server.Progression.Schemes;

/// <summary>How a <see cref="LoadChange"/> amount is read.</summary>
public enum LoadChangeKind
{
    /// <summary>That much load, in the unit of the progress it applies to (2.5 → +2.5 kg).</summary>
    Absolute,

    /// <summary>That percentage of the current load (10 → 10 %).</summary>
    Percent,

    /// <summary>That many loadable steps of the implement (1 → next plate pair, next dumbbell, next kettlebell). Unit-free.</summary>
    Steps,
}

/// <summary>
/// An amount a progression rule adds to or takes off a load. The result is always rounded to a
/// loadable weight (<see cref="LoadRounding"/>, nearest) and always moves by at least one step while the
/// implement allows it, so a small percentage never stalls: +2 % of 40 kg is 40.8 kg, which rounds back to
/// 40 kg, so the load goes to 42.5 kg instead. Examples on a kg barbell: <c>Absolute(2.5)</c> 100 → 102.5;
/// <c>Percent(10)</c> decrease 102.5 → 92.25 → 92.5; <c>Steps(2)</c> 100 → 105.
/// </summary>
/// <param name="Amount">The amount; not negative (direction comes from the rule).</param>
/// <param name="Kind">How <paramref name="Amount"/> is read.</param>
public sealed record LoadChange(decimal Amount, LoadChangeKind Kind)
{
    public static LoadChange Absolute(decimal amount) => new(amount, LoadChangeKind.Absolute);

    public static LoadChange Percent(decimal percent) => new(percent, LoadChangeKind.Percent);

    public static LoadChange Steps(int steps) => new(steps, LoadChangeKind.Steps);

    /// <summary>The load after adding this change, rounded and at least one step up.</summary>
    public decimal Increase(decimal load, LoadImplement implement, LoadingSetup setup)
    {
        var raw = Kind switch
        {
            LoadChangeKind.Absolute => load + Amount,
            LoadChangeKind.Percent => load * (1m + Amount / 100m),
            _ => LoadRounding.MoveSteps(load, (int)Amount, implement, setup),
        };
        var rounded = LoadRounding.Round(raw, implement, setup);
        return rounded > load || Amount == 0 ? rounded : LoadRounding.StepUp(load, implement, setup);
    }

    /// <summary>The load after taking this change off, rounded, at least one step down, never below the implement's minimum.</summary>
    public decimal Decrease(decimal load, LoadImplement implement, LoadingSetup setup)
    {
        var raw = Kind switch
        {
            LoadChangeKind.Absolute => load - Amount,
            LoadChangeKind.Percent => load * (1m - Amount / 100m),
            _ => LoadRounding.MoveSteps(load, -(int)Amount, implement, setup),
        };
        var rounded = LoadRounding.Round(raw, implement, setup);
        return rounded < load || Amount == 0 ? rounded : LoadRounding.StepDown(load, implement, setup);
    }

    internal LoadChange ConvertUnits(WeightUnit from, WeightUnit to) =>
        Kind == LoadChangeKind.Absolute ? this with { Amount = WeightConversion.Convert(Amount, from, to) } : this;

    internal void Validate(string name)
    {
        if (Amount < 0 || (Kind == LoadChangeKind.Steps && Amount != Math.Floor(Amount)))
        {
            throw new ArgumentException($"{name} must be a non-negative amount (whole for steps); got {Amount} ({Kind}).");
        }
    }
}
