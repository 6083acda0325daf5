namespace WorkoutTracker.Server.Progression;

/// <summary>
/// A set the athlete did: the load (in the unit of the record holding it), the reps, the RPE when
/// they rated it, and whether it was a warm-up. Warm-up sets are not work sets: they never decide
/// success, never set the e1RM and never count as personal records.
/// </summary>
/// <param name="Load">Load lifted; for dumbbells per hand, for bodyweight work the added load.</param>
/// <param name="Reps">Reps completed (seconds for a timed exercise).</param>
/// <param name="Rpe">Rate of perceived exertion, 6–10 in half steps, or null when not rated.</param>
/// <param name="IsWarmup">A warm-up set, ignored by the progression rules.</param>
public sealed record PerformedSet(decimal Load, int Reps, decimal? Rpe = null, bool IsWarmup = false);
