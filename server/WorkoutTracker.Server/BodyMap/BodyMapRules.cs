using System.Globalization;
using WorkoutTracker.Server.Exercises;

namespace WorkoutTracker.Server.BodyMap;

/// <summary>What one set adds to one muscle of the body map.</summary>
public readonly record struct MuscleContribution(MuscleGroup Muscle, decimal HardSets, decimal TotalReps, decimal VolumeLoadKg)
{
    public MuscleContribution Negate() => new(Muscle, -HardSets, -TotalReps, -VolumeLoadKg);
}

/// <summary>The set as the body map needs it.</summary>
public sealed record SetFacts(DateTimeOffset PerformedAt, decimal LoadKg, int Reps, decimal? Rpe, bool IsWarmup);

/// <summary>
/// How sets become body-map numbers. Plain rules, shared by the incremental update and the rebuild:
/// <list type="bullet">
/// <item>the week is the ISO week (Monday start) of the set's performed-at time in UTC;</item>
/// <item>warm-up sets count for nothing;</item>
/// <item>each primary muscle of the exercise gets weight 1, each secondary 0.5;</item>
/// <item>a work set adds its weight × reps to total reps and weight × load × reps to volume load;</item>
/// <item>it counts as a hard set (adding its weight) when it has at least one rep and, if RPE was
///   recorded, RPE ≥ <see cref="HardSetMinimumRpe"/>.</item>
/// </list>
/// Example: 5 × 100 kg back squat at RPE 8 adds 1 hard set, 5 reps and 500 kg to quads and glutes, and
/// 0.5, 2.5 and 250 kg to adductors and lower back.
/// </summary>
public static class BodyMapRules
{
    public const decimal PrimaryWeight = 1m;
    public const decimal SecondaryWeight = 0.5m;
    public const decimal HardSetMinimumRpe = 6m;

    /// <summary>The Monday of the athlete's week holding <paramref name="instant"/>, in their time zone.</summary>
    public static DateOnly WeekStartOf(DateTimeOffset instant, TimeZoneInfo zone) => Common.Calendar.AthleteCalendar.WeekStartOf(instant, zone);

    public static DateOnly WeekStartOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static bool IsWeekStart(DateOnly day) => day.DayOfWeek == DayOfWeek.Monday;

    public static IEnumerable<MuscleContribution> ContributionsOf(SetFacts set, IEnumerable<MuscleGroup> primary, IEnumerable<MuscleGroup> secondary)
    {
        if (set.IsWarmup)
        {
            yield break;
        }

        var hard = set.Reps >= 1 && (set.Rpe is null || set.Rpe >= HardSetMinimumRpe);
        foreach (var (muscle, weight) in primary.Select(m => (m, PrimaryWeight)).Concat(secondary.Select(m => (m, SecondaryWeight))))
        {
            yield return new MuscleContribution(muscle, hard ? weight : 0m, weight * set.Reps, weight * set.LoadKg * set.Reps);
        }
    }

    public static string ToIsoDate(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
