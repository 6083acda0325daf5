using System.Globalization;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Plans;

/// <summary>
/// Chooses exercises for slots from what the athlete's equipment allows. Never the same exercise twice in
/// a day; an exercise already in the week only when nothing else fits.
/// <list type="bullet">
/// <item>Main lifts: the first available staple of the pattern (back squat, front squat, leg press, goblet
/// squats…; deadlift, trap-bar deadlift…; bench, incline bench, dumbbell bench…; overhead press…; barbell
/// row…; pull-up, chin-up, lat pulldown…). Stable: the same equipment gives the same main lifts every week.</item>
/// <item>Secondary compounds: loaded before bodyweight, then rotated by <see cref="StableHash"/> of the
/// rotation seed (plan version and 4-week block), the day and the slot.</item>
/// <item>Accessories for a muscle, in order of preference: not yet in the week; counted in reps rather than
/// seconds; covering more of the week's untrained muscles; a movement pattern the day does not have yet;
/// not a heavy barbell compound; isolation; loaded rather than bodyweight; then rotated like secondaries.</item>
/// </list>
/// </summary>
internal sealed class ExercisePicker(IReadOnlyList<Exercise> available, string rotationSeed)
{
    private static readonly Dictionary<MovementPattern, string[]> _staples = new()
    {
        [MovementPattern.Squat] = ["barbell-back-squat", "barbell-front-squat", "leg-press", "dumbbell-goblet-squat", "kettlebell-goblet-squat", "bodyweight-squat"],
        [MovementPattern.Hinge] = ["conventional-deadlift", "trap-bar-deadlift", "sumo-deadlift", "romanian-deadlift", "dumbbell-romanian-deadlift", "kettlebell-swing", "barbell-hip-thrust", "glute-bridge"],
        [MovementPattern.HorizontalPush] = ["barbell-bench-press", "incline-barbell-bench-press", "dumbbell-bench-press", "incline-dumbbell-bench-press", "parallel-bar-dip", "kettlebell-floor-press", "push-up"],
        [MovementPattern.VerticalPush] = ["barbell-overhead-press", "seated-dumbbell-shoulder-press", "machine-shoulder-press", "kettlebell-overhead-press", "pike-push-up"],
        [MovementPattern.HorizontalPull] = ["barbell-row", "one-arm-dumbbell-row", "seated-cable-row", "chest-supported-machine-row", "one-arm-kettlebell-row", "inverted-row"],
        [MovementPattern.VerticalPull] = ["pull-up", "chin-up", "lat-pulldown"],
        [MovementPattern.Lunge] = ["bulgarian-split-squat", "dumbbell-walking-lunge", "kettlebell-reverse-lunge", "split-squat"],
    };

    public Exercise? Main(MovementPattern pattern, WeekDraft week, DayDraft day)
    {
        var staples = _staples.GetValueOrDefault(pattern, []);
        return Compounds(pattern, day)
            .OrderBy(e => week.Uses(e))
            .ThenBy(e => Array.IndexOf(staples, e.Id) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(LoadTier)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    public Exercise? Secondary(MovementPattern pattern, WeekDraft week, DayDraft day, int slot) =>
        Compounds(pattern, day)
            .OrderBy(e => week.Uses(e))
            .ThenBy(LoadTier)
            .ThenBy(e => Rotation(e, day, $"slot{slot}"))
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .FirstOrDefault();

    public Exercise? Accessory(MuscleGroup muscle, WeekDraft week, DayDraft day) =>
        available
            .Where(e => e.PrimaryMuscles.Contains(muscle) && !day.Contains(e))
            .OrderBy(e => week.Uses(e))
            .ThenBy(e => ExerciseMeasures.For(e) == TargetMeasure.Seconds)
            .ThenByDescending(e => e.PrimaryMuscles.Count(m => week.ExercisesFor(m) == 0))
            .ThenBy(e => day.Picks.Any(p => p.Exercise.Pattern == e.Pattern))
            .ThenBy(e => e.IsCompound && e.Loading == ExerciseLoading.Barbell)
            .ThenBy(e => e.IsCompound)
            .ThenBy(LoadTier)
            .ThenBy(e => Rotation(e, day, muscle.ToString()))
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .FirstOrDefault();

    public bool CanTrain(MuscleGroup muscle) => available.Any(e => e.PrimaryMuscles.Contains(muscle));

    private IEnumerable<Exercise> Compounds(MovementPattern pattern, DayDraft day) =>
        available.Where(e => e.Pattern == pattern && e.IsCompound && ExerciseMeasures.For(e) == TargetMeasure.Reps && !day.Contains(e));

    private ulong Rotation(Exercise exercise, DayDraft day, string slot) =>
        StableHash.Of(string.Join('|', rotationSeed, day.Index.ToString(CultureInfo.InvariantCulture), slot, exercise.Id));

    /// <summary>Loaded work before bodyweight work.</summary>
    private static int LoadTier(Exercise exercise) => LoadImplements.For(exercise) == LoadImplement.Bodyweight ? 1 : 0;
}
