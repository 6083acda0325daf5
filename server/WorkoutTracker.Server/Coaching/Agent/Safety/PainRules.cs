using WorkoutTracker.Server.Exercises;

namespace WorkoutTracker.Server.Coaching.Agent.Safety;

/// <summary>
/// Which movements load a painful area, so the coach keeps load away from it: an exercise loads an area
/// when its movement pattern is one of the area's (the joint action that hurts), when one of its primary
/// muscles sits at the area, or when it puts the area in a position the pattern does not show (arms
/// overhead in an overhead triceps extension, a bar across the neck in a back squat).
/// <para>
/// Alternatives for an exercise that hurts train the muscles it trained, but with another movement
/// pattern and without loading any painful area: never the same joint action under another name.
/// Example: a sore shoulder and the overhead press → Cable Triceps Pushdown, Chest-Supported Machine Row,
/// Seated Cable Row (triceps and upper back without pressing, raising or reaching overhead).
/// </para>
/// <para>
/// The words describing an area's movements name no catalog exercise, so an answer can say what to leave
/// out without seeming to propose it (<see cref="NamedIn"/> finds full exercise names).
/// </para>
/// </summary>
public static class PainRules
{
    private static readonly Dictionary<BodyArea, AreaLoad> Areas = new AreaLoad[]
    {
        new(BodyArea.Neck, "your neck", "overhead pressing, shrugs and a bar across your upper back",
            [MovementPattern.VerticalPush], [MuscleGroup.Traps], ["barbell-back-squat", "good-morning"]),
        new(BodyArea.Shoulder, "your shoulder", "pressing (overhead or in front of you), pulling down from overhead, raises, flyes and anything with your arms overhead",
            [MovementPattern.VerticalPush, MovementPattern.VerticalPull, MovementPattern.HorizontalPush, MovementPattern.ShoulderIsolation, MovementPattern.ChestIsolation],
            [MuscleGroup.FrontDelts, MuscleGroup.SideDelts, MuscleGroup.RearDelts],
            ["overhead-cable-triceps-extension", "dumbbell-overhead-triceps-extension", "dumbbell-pullover", "turkish-get-up"]),
        new(BodyArea.Elbow, "your elbow", "curls, triceps extensions, dips, underhand pulling and heavy gripping",
            [MovementPattern.ElbowFlexion, MovementPattern.ElbowExtension, MovementPattern.Carry], [MuscleGroup.Biceps, MuscleGroup.Triceps, MuscleGroup.Forearms], []),
        new(BodyArea.Wrist, "your wrist", "carries, heavy gripping, the front-squat rack position and pressing up from the floor on your hands",
            [MovementPattern.Carry], [MuscleGroup.Forearms],
            ["push-up", "diamond-push-up", "pike-push-up", "handstand-push-up", "barbell-front-squat"]),
        new(BodyArea.Chest, "your chest", "pressing, dips and flyes",
            [MovementPattern.HorizontalPush, MovementPattern.ChestIsolation], [MuscleGroup.Chest], ["dumbbell-pullover"]),
        new(BodyArea.UpperBack, "your upper back", "rows, shrugs and carries",
            [MovementPattern.HorizontalPull, MovementPattern.Carry], [MuscleGroup.UpperBack, MuscleGroup.Traps], []),
        new(BodyArea.LowerBack, "your lower back", "deadlifts and other hinges, barbell squats, bent-over rows and standing barbell presses",
            [MovementPattern.Hinge], [MuscleGroup.LowerBack],
            ["barbell-back-squat", "barbell-front-squat", "barbell-row", "barbell-overhead-press"]),
        new(BodyArea.Hip, "your hip", "squats, lunges and hip raises",
            [MovementPattern.Squat, MovementPattern.Lunge, MovementPattern.HipIsolation], [MuscleGroup.Glutes, MuscleGroup.Adductors], []),
        new(BodyArea.Groin, "your groin", "lunges, wide stances and adductor work",
            [MovementPattern.Lunge, MovementPattern.HipIsolation], [MuscleGroup.Adductors], ["sumo-deadlift"]),
        new(BodyArea.Hamstring, "your hamstring", "deadlifts and other hinges, and leg curls",
            [MovementPattern.Hinge, MovementPattern.KneeFlexion], [MuscleGroup.Hamstrings], []),
        new(BodyArea.Knee, "your knee", "squats, lunges and knee extension or knee curl machines",
            [MovementPattern.Squat, MovementPattern.Lunge, MovementPattern.KneeExtension, MovementPattern.KneeFlexion], [MuscleGroup.Quads], []),
        new(BodyArea.Ankle, "your ankle", "calf raises, lunges and carries",
            [MovementPattern.Calf, MovementPattern.Lunge, MovementPattern.Carry], [MuscleGroup.Calves], []),
    }.ToDictionary(a => a.Area);

    public static AreaLoad For(BodyArea area) => Areas[area];

    /// <summary>Whether <paramref name="exercise"/> loads <paramref name="area"/>.</summary>
    public static bool Loads(BodyArea area, Exercise exercise)
    {
        var rule = Areas[area];
        return rule.Patterns.Contains(exercise.Pattern)
            || exercise.PrimaryMuscles.Any(rule.Muscles.Contains)
            || rule.ExerciseIds.Contains(exercise.Id);
    }

    public static bool LoadsAny(IEnumerable<BodyArea> areas, Exercise exercise) => areas.Any(a => Loads(a, exercise));

    /// <summary>
    /// What to do instead of <paramref name="original"/> while <paramref name="areas"/> hurt: exercises of
    /// another movement pattern that load none of the areas, can be done (<paramref name="canDo"/>) and train
    /// a muscle the original trained. Best first: most of the original's primary muscles, then machines and
    /// cables (a controllable load and range), then most of its other muscles, then the catalog id.
    /// </summary>
    public static IReadOnlyList<Exercise> Alternatives(Exercise original, IReadOnlyCollection<BodyArea> areas, IEnumerable<Exercise> catalog, Func<Exercise, bool> canDo)
    {
        var secondary = original.SecondaryMuscles;
        return [.. catalog
            .Where(e => e.Id != original.Id && e.Pattern != original.Pattern && !LoadsAny(areas, e) && canDo(e))
            .Select(e => (Exercise: e, Primary: e.PrimaryMuscles.Intersect(original.PrimaryMuscles).Count(), Other: e.PrimaryMuscles.Intersect(secondary).Count()))
            .Where(x => x.Primary + x.Other > 0)
            .OrderByDescending(x => x.Primary)
            .ThenBy(x => x.Exercise.Loading == ExerciseLoading.Stack ? 0 : 1)
            .ThenByDescending(x => x.Other)
            .ThenBy(x => x.Exercise.Id, StringComparer.Ordinal)
            .Select(x => x.Exercise)];
    }

    /// <summary>The catalog exercises an answer names by their full name (plural or not), in the order of the catalog.</summary>
    public static IReadOnlyList<Exercise> NamedIn(string text, IEnumerable<Exercise> catalog) => CoachQuestion.Read(text).ExercisesNamed(catalog);
}

/// <summary>What loads one area: its movement patterns, the muscles at it and exercises that load it in another way.</summary>
public sealed record AreaLoad(
    BodyArea Area,
    string Words,
    string MovementsInWords,
    IReadOnlySet<MovementPattern> Patterns,
    IReadOnlySet<MuscleGroup> Muscles,
    IReadOnlySet<string> ExerciseIds)
{
    public AreaLoad(BodyArea area, string words, string movements, MovementPattern[] patterns, MuscleGroup[] muscles, string[] exerciseIds)
        : this(area, words, movements, patterns.ToHashSet(), muscles.ToHashSet(), exerciseIds.ToHashSet(StringComparer.Ordinal))
    {
    }
}
