namespace WorkoutTracker.Server.Progression;

/// <summary>
/// Converts loads between kilograms and pounds with the exact international pound
/// (1 lb = 0.45359237 kg). The result is not rounded to anything loadable: round it with
/// <see cref="LoadRounding"/> for the implement at hand. Example: 100 kg → 220.462… lb, which a
/// barbell in pounds rounds to 220 lb.
/// </summary>
public static class WeightConversion
{
    /// <summary>Kilograms in one pound, exactly.</summary>
    public const decimal KilogramsPerPound = 0.45359237m;

    public static decimal Convert(decimal load, WeightUnit from, WeightUnit to) => (from, to) switch
    {
        (WeightUnit.Kg, WeightUnit.Lb) => load / KilogramsPerPound,
        (WeightUnit.Lb, WeightUnit.Kg) => load * KilogramsPerPound,
        _ => load,
    };
}
