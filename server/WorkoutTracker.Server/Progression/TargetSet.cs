namespace WorkoutTracker.Server.Progression;

/// <summary>
/// One prescribed work set. A performed set meets it when its reps are at least
/// <see cref="RepsMin"/>, its load is at least <see cref="Load"/>, and (for an RPE-based scheme only)
/// its RPE, when rated, is at most <see cref="Rpe"/>. <see cref="RepsMax"/> is the top of the range
/// (the same as <see cref="RepsMin"/> for a fixed rep target); for the other schemes <see cref="Rpe"/>
/// is guidance for how hard the set should feel.
/// </summary>
/// <param name="SetNumber">1-based position among the exercise's work sets.</param>
/// <param name="RepsMin">Reps to reach (seconds for a timed exercise).</param>
/// <param name="RepsMax">Top of the rep range.</param>
/// <param name="Load">Load in the unit of the plan or outcome holding the set.</param>
/// <param name="Rpe">Target RPE, or null.</param>
public sealed record TargetSet(int SetNumber, int RepsMin, int RepsMax, decimal Load, decimal? Rpe);
