using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Progression.Schemes;

namespace WorkoutTracker.Server.Plans;

/// <summary>
/// One exercise of a training day with its targets. <see cref="Scheme"/> is the progression rule the
/// targets came from (the athlete's stored one, or the default for a new exercise).
/// </summary>
/// <param name="ExerciseId">The catalog id.</param>
/// <param name="Role">Main lift, secondary compound or accessory.</param>
/// <param name="Measure">Whether the target reps are repetitions or seconds.</param>
/// <param name="Scheme">The progression rule and its parameters.</param>
/// <param name="TargetSets">The work sets: reps range, load (plan unit), RPE.</param>
/// <param name="SupersetGroup">Exercises of a day with the same group ("A") are done as a superset; null for straight sets.</param>
/// <param name="SwappedFromExerciseId">The generated exercise this one replaced (a plan edit), if any.</param>
/// <param name="Added">Added to the day by a plan edit (not generated).</param>
public sealed record PlannedExercise(
    string ExerciseId,
    ExerciseRole Role,
    TargetMeasure Measure,
    ProgressionScheme Scheme,
    IReadOnlyList<TargetSet> TargetSets,
    string? SupersetGroup = null,
    string? SwappedFromExerciseId = null,
    bool Added = false);
