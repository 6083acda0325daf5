using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Profiles;

/// <summary>
/// The gym's loading as an athlete gives it (<c>updateProfile(input: { loading })</c>), in their units; omitted
/// values keep the current setup's (or the unit's default).
/// </summary>
public sealed record LoadingSetupInput(
    decimal? BarWeight = null,
    decimal? EzBarWeight = null,
    decimal? TrapBarWeight = null,
    decimal? SmallestPlatePerSide = null,
    decimal? DumbbellStep = null,
    IReadOnlyList<decimal>? KettlebellSizes = null,
    decimal? StackStep = null,
    decimal? BodyweightStep = null);

/// <summary>
/// What a loading setup may be: what <see cref="LoadRounding"/> can round to (every step positive, at least one
/// kettlebell), bars no heavier than any gym's, kettlebells ascending.
/// </summary>
public static class LoadingSetupRules
{
    public const int MaxKettlebells = 40;

    /// <summary><paramref name="input"/> applied to <paramref name="current"/> (in <paramref name="units"/>), validated; VALIDATION names the field.</summary>
    public static LoadingSetup Apply(LoadingSetup current, LoadingSetupInput input, WeightUnit units)
    {
        var setup = current with
        {
            BarWeight = input.BarWeight ?? current.BarWeight,
            EzBarWeight = input.EzBarWeight ?? current.EzBarWeight,
            TrapBarWeight = input.TrapBarWeight ?? current.TrapBarWeight,
            SmallestPlatePerSide = input.SmallestPlatePerSide ?? current.SmallestPlatePerSide,
            DumbbellStep = input.DumbbellStep ?? current.DumbbellStep,
            KettlebellSizes = input.KettlebellSizes ?? current.KettlebellSizes,
            StackStep = input.StackStep ?? current.StackStep,
            BodyweightStep = input.BodyweightStep ?? current.BodyweightStep,
        };
        var heavy = units == WeightUnit.Kg ? 1m : 2.2m; // limits are written in kg and scaled for lb
        Check("barWeight", setup.BarWeight, 5m * heavy, 50m * heavy);
        Check("ezBarWeight", setup.EzBarWeight, 2m * heavy, 40m * heavy);
        Check("trapBarWeight", setup.TrapBarWeight, 5m * heavy, 60m * heavy);
        Check("smallestPlatePerSide", setup.SmallestPlatePerSide, 0.1m * heavy, 25m * heavy);
        Check("dumbbellStep", setup.DumbbellStep, 0.25m * heavy, 25m * heavy);
        Check("stackStep", setup.StackStep, 0.5m * heavy, 25m * heavy);
        Check("bodyweightStep", setup.BodyweightStep, 0.25m * heavy, 25m * heavy);
        if (setup.KettlebellSizes.Count is 0 or > MaxKettlebells)
        {
            throw new ValidationException("loading.kettlebellSizes", $"holds 1 to {MaxKettlebells} sizes.");
        }

        for (var i = 0; i < setup.KettlebellSizes.Count; i++)
        {
            Check("kettlebellSizes", setup.KettlebellSizes[i], 1m * heavy, 100m * heavy);
            if (i > 0 && setup.KettlebellSizes[i] <= setup.KettlebellSizes[i - 1])
            {
                throw new ValidationException("loading.kettlebellSizes", "must be in ascending order, each size once.");
            }
        }

        return setup with { Unit = units };
    }

    private static void Check(string field, decimal value, decimal min, decimal max)
    {
        if (value < min || value > max || decimal.Round(value, 3) != value)
        {
            throw new ValidationException($"loading.{field}", $"must be from {min:0.###} to {max:0.###} (at most 3 decimals).");
        }
    }
}
