using System.Globalization;

namespace WorkoutTracker.Server.Coaching.Agent;

/// <summary>What a cited number is: which record of the athlete's data it comes from.</summary>
public enum CitationKind
{
    /// <summary>A logged set: <c>{setId}:{loadKg|reps|rpe}</c>.</summary>
    Set,

    /// <summary>A standing record: <c>{exerciseId}:{HEAVIEST_LOAD|MOST_REPS_AT_LOAD|BEST_E1RM}:{loadKg|reps|e1rmKg}</c>.</summary>
    PersonalRecord,

    /// <summary>A day's best e1RM: <c>{exerciseId}:{yyyy-MM-dd}:{e1rmKg|loadKg|reps}</c>.</summary>
    E1rm,

    /// <summary>A planned exercise: <c>{weekStart}:day{n}:{exerciseId}:{sets|repsMin|repsMax|loadKg|loadLb|rpe}</c>.</summary>
    Plan,

    /// <summary>What the progression engine prescribes next: <c>{exerciseId}:{sets|repsMin|repsMax|loadKg|loadLb|rpe}</c>.</summary>
    Prescription,

    /// <summary>The stored progression state: <c>{exerciseId}:{loadKg|loadLb|targetReps|consecutiveSuccesses|consecutiveFailures|lastE1rmKg|lastE1rmLb}</c>.</summary>
    Progress,

    /// <summary>A muscle's week: <c>{weekStart}:{MUSCLE}:{hardSets|totalReps|volumeLoadKg}</c>.</summary>
    BodyMap,

    /// <summary>A target the coach judges against, for the athlete's goal and experience: <c>{GOAL}:{EXPERIENCE}:{weeklyHardSetsMin|weeklyHardSetsMax}</c>.</summary>
    Target,
}

/// <summary>One number an answer used, and where it comes from (see <see cref="CitationKind"/> for the refs).</summary>
public sealed record Citation(CitationKind Kind, string Ref, decimal Value)
{
    /// <summary>The value as answers print it: invariant, at most two decimals, no trailing zeros.</summary>
    public string Text => Format(Value);

    public static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
