using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Plans;

/// <summary>
/// A generated week of training (see <see cref="PlanGenerator"/>). Loads are in <see cref="Unit"/>.
/// </summary>
/// <param name="WeekStart">The Monday of the ISO week.</param>
/// <param name="IsoYear">ISO year of the week.</param>
/// <param name="IsoWeek">ISO week number (1–53).</param>
/// <param name="PlanVersion">The profile's plan version the plan was made from.</param>
/// <param name="Split">The split chosen for the days per week.</param>
/// <param name="Unit">The unit of every load in the plan.</param>
/// <param name="IsDeloadWeek">A scheduled deload week: loads are already reduced; log sessions with <c>WasDeloadWeek</c>.</param>
/// <param name="Days">The training days in order.</param>
/// <param name="UntrainedMuscles">Muscle groups without a primary-muscle exercise this week, and why; empty when every group is trained.</param>
/// <param name="NewProgress">
/// Progress the generator started for exercises that had none (default scheme, starting load): persist
/// them so the first session has a state to advance. Keyed by exercise, one each.
/// </param>
public sealed record WeeklyPlan(
    DateOnly WeekStart,
    int IsoYear,
    int IsoWeek,
    int PlanVersion,
    SplitKind Split,
    WeightUnit Unit,
    bool IsDeloadWeek,
    IReadOnlyList<PlanDay> Days,
    IReadOnlyList<UntrainedMuscle> UntrainedMuscles,
    IReadOnlyList<ExerciseProgress> NewProgress);
