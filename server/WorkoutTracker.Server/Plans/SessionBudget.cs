namespace WorkoutTracker.Server.Plans;

/// <summary>
/// How long a day takes, to respect the session length: a general warm-up of
/// <see cref="GeneralWarmUpMinutes"/>, ramp-up sets of <see cref="MainLiftWarmUpMinutes"/> before each
/// main lift, and per work set (the set and the rest after it) 3 minutes for a main lift (3.5 for
/// strength), 2.5 for a secondary compound (3 for strength) and 2 for an accessory. Worked example,
/// hypertrophy, intermediate: 5 + (4 × 3 + 3) squat + (3 × 2.5) row + 2 × (3 × 2) accessories = 39.5 minutes.
/// The generator adds exercises in priority order while the day stays within the session length, so
/// a short session gets fewer exercises, not rushed ones.
/// </summary>
public static class SessionBudget
{
    public const decimal GeneralWarmUpMinutes = 5m;
    public const decimal MainLiftWarmUpMinutes = 3m;

    /// <summary>Minutes per work set, rest included.</summary>
    public static decimal MinutesPerSet(ExerciseRole role, TrainingGoal goal) => role switch
    {
        ExerciseRole.Main => goal == TrainingGoal.Strength ? 3.5m : 3m,
        ExerciseRole.Secondary => goal == TrainingGoal.Strength ? 3m : 2.5m,
        _ => 2m,
    };

    /// <summary>Minutes for one exercise of <paramref name="sets"/> work sets, its warm-up sets included.</summary>
    public static decimal Minutes(ExerciseRole role, int sets, TrainingGoal goal) =>
        sets * MinutesPerSet(role, goal) + (role == ExerciseRole.Main ? MainLiftWarmUpMinutes : 0m);
}
