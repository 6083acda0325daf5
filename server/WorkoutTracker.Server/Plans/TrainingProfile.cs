using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Plans;

/// <summary>
/// What the plan generator needs to know about an athlete. Plain data: the profile feature stores it,
/// <see cref="PlanGenerator.Generate"/> reads it. <see cref="Validate"/> throws the
/// <see cref="ValidationException"/> the GraphQL layer maps to <c>VALIDATION</c>.
/// </summary>
public sealed record TrainingProfile
{
    public const int MinDaysPerWeek = 2;
    public const int MaxDaysPerWeek = 6;
    public const int MinSessionMinutes = 20;
    public const int MaxSessionMinutes = 180;

    /// <summary>Every piece of equipment in the catalog: a full gym.</summary>
    public static IReadOnlySet<Equipment> FullGym { get; } = Enum.GetValues<Equipment>().ToHashSet();

    public required TrainingGoal Goal { get; init; }

    /// <summary>Training days per week, 2–6.</summary>
    public required int DaysPerWeek { get; init; }

    public required ExperienceLevel Experience { get; init; }

    /// <summary>The equipment at hand. <see cref="Equipment.Bodyweight"/> is always available, listed or not.</summary>
    public required IReadOnlySet<Equipment> Equipment { get; init; }

    /// <summary>How long a session may take, warm-up included, 20–180 minutes (default 60).</summary>
    public int SessionMinutes { get; init; } = 60;

    /// <summary>The unit the plan's loads are written in.</summary>
    public WeightUnit Units { get; init; } = WeightUnit.Kg;

    /// <summary>
    /// Bumped by the profile feature on every profile change (ARCHITECTURE.md, <c>plan_version</c>); it
    /// seeds the rotation of secondary and accessory exercises, so a changed profile gets a fresh choice.
    /// </summary>
    public int PlanVersion { get; init; } = 1;

    /// <summary>Scheduled deload weeks, or null for none.</summary>
    public DeloadSchedule? Deload { get; init; }

    /// <summary>The athlete's plates and steps, in <see cref="Units"/>; null for <see cref="LoadingSetup.Default"/>.</summary>
    public LoadingSetup? Loading { get; init; }

    /// <summary>Whether the athlete can use <paramref name="item"/> (bodyweight always).</summary>
    public bool Has(Equipment item) => item == Exercises.Equipment.Bodyweight || Equipment.Contains(item);

    /// <summary>Whether the athlete has everything <paramref name="exercise"/> needs.</summary>
    public bool CanDo(Exercise exercise) => exercise.Equipment.All(Has);

    /// <summary>The loading setup to round to: <see cref="Loading"/> or the default for <see cref="Units"/>.</summary>
    public LoadingSetup LoadingSetup => Loading ?? LoadingSetup.Default(Units);

    /// <summary>Throws <see cref="ValidationException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        if (DaysPerWeek is < MinDaysPerWeek or > MaxDaysPerWeek)
        {
            throw new ValidationException("daysPerWeek", $"must be between {MinDaysPerWeek} and {MaxDaysPerWeek}.");
        }

        if (SessionMinutes is < MinSessionMinutes or > MaxSessionMinutes)
        {
            throw new ValidationException("sessionMinutes", $"must be between {MinSessionMinutes} and {MaxSessionMinutes}.");
        }

        if (!Enum.IsDefined(Goal) || !Enum.IsDefined(Experience) || !Enum.IsDefined(Units))
        {
            throw new ValidationException("profile", "goal, experience and units must be known values.");
        }

        if (Loading is not null && Loading.Unit != Units)
        {
            throw new ValidationException("loading", $"must be in the profile's units ({Units}).");
        }

        if (Deload is { } deload && (deload.EveryNthWeek < 2 || deload.LoadReductionPercent is <= 0 or >= 100))
        {
            throw new ValidationException("deload", "needs a cycle of at least 2 weeks and a reduction between 0 and 100 %.");
        }
    }
}
