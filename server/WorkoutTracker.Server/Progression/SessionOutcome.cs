namespace WorkoutTracker.Server.Progression;

/// <summary>
/// What happened to one exercise in one session: the targets it was prescribed (from the plan) and
/// the sets performed, in <see cref="Unit"/>. <see cref="ProgressionEngine.Advance"/> turns it into
/// the next <see cref="ExerciseProgress"/>.
/// </summary>
/// <param name="ExerciseId">The catalog id; must match the progress being advanced.</param>
/// <param name="Unit">The unit of the loads in <see cref="Targets"/> and <see cref="Sets"/>.</param>
/// <param name="Targets">The prescribed work sets (at least one).</param>
/// <param name="Sets">The sets performed, warm-ups included, in the order done.</param>
/// <param name="WasDeloadWeek">
/// The session was in a scheduled deload week: it is recorded but does not move the progression
/// (no success or failure is counted, the load and e1RM stay).
/// </param>
public sealed record SessionOutcome(
    string ExerciseId,
    WeightUnit Unit,
    IReadOnlyList<TargetSet> Targets,
    IReadOnlyList<PerformedSet> Sets,
    bool WasDeloadWeek = false)
{
    /// <summary>The sets that count: everything but warm-ups, in order.</summary>
    public IReadOnlyList<PerformedSet> WorkSets => [.. Sets.Where(set => !set.IsWarmup)];
}
