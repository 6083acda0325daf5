namespace WorkoutTracker.Server.Exercises;

/// <summary>
/// Exercises that can stand in for another when its equipment is taken: they train the original's first
/// primary muscle, are not the original, and can be done with <c>canDo</c> (the athlete's equipment
/// minus what is taken). Best first: the same movement pattern, then the same kind (compound or
/// isolation), then those whose main muscle it is too, then the most primary muscles in common, then the catalog id (so the order is stable).
/// Example: barbell bench press with the bench taken → kettlebell floor press, parallel-bar dip, push-up (chest, no bench).
/// </summary>
public static class ExerciseSwaps
{
    public static IReadOnlyList<Exercise> Rank(Exercise original, IEnumerable<Exercise> catalog, Func<Exercise, bool> canDo)
    {
        if (original.PrimaryMuscles.Count == 0)
        {
            return [];
        }

        var muscle = original.PrimaryMuscles[0];
        return [.. catalog
            .Where(e => e.Id != original.Id && e.PrimaryMuscles.Contains(muscle) && canDo(e))
            .OrderBy(e => e.Pattern == original.Pattern ? 0 : 1)
            .ThenBy(e => e.IsCompound == original.IsCompound ? 0 : 1)
            .ThenBy(e => e.PrimaryMuscles[0] == muscle ? 0 : 1)
            .ThenByDescending(e => e.PrimaryMuscles.Intersect(original.PrimaryMuscles).Count())
            .ThenBy(e => e.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// What the athlete can use: their equipment without <paramref name="taken"/>; bodyweight is always
    /// there (a taken bodyweight makes no sense and is ignored).
    /// </summary>
    public static Func<Exercise, bool> Doable(IReadOnlySet<Equipment> athleteEquipment, IReadOnlyCollection<Equipment> taken) =>
        exercise => exercise.Equipment.All(item => item == Equipment.Bodyweight || (athleteEquipment.Contains(item) && !taken.Contains(item)));
}
