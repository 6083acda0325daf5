namespace WorkoutTracker.Server.Plans;

/// <summary>One training day: its position in the week, name ("Upper A"), focus, an estimate of its length and its exercises, compounds first.</summary>
/// <param name="DayNumber">1-based training-day number in the week.</param>
/// <param name="Name">The day's name, e.g. "Full Body A", "Push".</param>
/// <param name="Focus">What the day works.</param>
/// <param name="EstimatedMinutes">Rounded-up estimate of the day's length (<see cref="SessionBudget"/>: warm-up, sets and rests); within the profile's session length.</param>
/// <param name="Exercises">The exercises in the order to do them.</param>
public sealed record PlanDay(int DayNumber, string Name, DayFocus Focus, int EstimatedMinutes, IReadOnlyList<PlannedExercise> Exercises);
