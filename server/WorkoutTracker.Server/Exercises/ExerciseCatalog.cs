using static WorkoutTracker.Server.Exercises.MuscleGroup;

namespace WorkoutTracker.Server.Exercises;

/// <summary>
/// The built-in exercise catalog: well-known strength exercises, grouped by movement pattern.
/// The plan generator fills a day by pattern from the exercises the athlete's equipment allows
/// (every item of <see cref="Exercise.Equipment"/> must be available), and the body map counts
/// primary muscles at 1 and secondary muscles at 0.5 per set. Ids are stable slugs: never rename
/// or reuse one, because plans and logged sets refer to them.
/// </summary>
public static class ExerciseCatalog
{
    public static IReadOnlyList<Exercise> All { get; } =
    [
        // Squat: knee- and hip-dominant bilateral squatting.
        E("barbell-back-squat", "Barbell Back Squat", MovementPattern.Squat, ExerciseLoading.Barbell, true,
            [Quads, Glutes], [Adductors, LowerBack], [Equipment.Barbell, Equipment.SquatRack]),
        E("barbell-front-squat", "Barbell Front Squat", MovementPattern.Squat, ExerciseLoading.Barbell, true,
            [Quads, Glutes], [Adductors, UpperBack, Abs], [Equipment.Barbell, Equipment.SquatRack]),
        E("dumbbell-goblet-squat", "Dumbbell Goblet Squat", MovementPattern.Squat, ExerciseLoading.Dumbbell, true,
            [Quads, Glutes], [Adductors, Abs], [Equipment.Dumbbell]),
        E("kettlebell-goblet-squat", "Kettlebell Goblet Squat", MovementPattern.Squat, ExerciseLoading.Kettlebell, true,
            [Quads, Glutes], [Adductors, Abs], [Equipment.Kettlebell]),
        E("bodyweight-squat", "Bodyweight Squat", MovementPattern.Squat, ExerciseLoading.Bodyweight, true,
            [Quads, Glutes], [Adductors], [Equipment.Bodyweight]),
        E("leg-press", "Leg Press", MovementPattern.Squat, ExerciseLoading.Stack, true,
            [Quads, Glutes], [Adductors], [Equipment.Machine]),

        // Hinge: hip-dominant extension (deadlifts, hip thrusts, swings).
        E("conventional-deadlift", "Conventional Deadlift", MovementPattern.Hinge, ExerciseLoading.Barbell, true,
            [Glutes, Hamstrings, LowerBack], [Quads, Traps, Forearms, UpperBack], [Equipment.Barbell]),
        E("sumo-deadlift", "Sumo Deadlift", MovementPattern.Hinge, ExerciseLoading.Barbell, true,
            [Glutes, Quads, Adductors], [Hamstrings, LowerBack, Traps, Forearms], [Equipment.Barbell]),
        E("trap-bar-deadlift", "Trap Bar Deadlift", MovementPattern.Hinge, ExerciseLoading.Barbell, true,
            [Glutes, Quads, Hamstrings], [LowerBack, Traps, Forearms, UpperBack], [Equipment.TrapBar]),
        E("romanian-deadlift", "Romanian Deadlift", MovementPattern.Hinge, ExerciseLoading.Barbell, true,
            [Hamstrings, Glutes], [LowerBack, Adductors, Forearms], [Equipment.Barbell]),
        E("dumbbell-romanian-deadlift", "Dumbbell Romanian Deadlift", MovementPattern.Hinge, ExerciseLoading.Dumbbell, true,
            [Hamstrings, Glutes], [LowerBack, Adductors, Forearms], [Equipment.Dumbbell]),
        E("good-morning", "Good Morning", MovementPattern.Hinge, ExerciseLoading.Barbell, true,
            [Hamstrings, LowerBack], [Glutes, Adductors], [Equipment.Barbell, Equipment.SquatRack]),
        E("barbell-hip-thrust", "Barbell Hip Thrust", MovementPattern.Hinge, ExerciseLoading.Barbell, true,
            [Glutes], [Hamstrings], [Equipment.Barbell, Equipment.Bench]),
        E("glute-bridge", "Glute Bridge", MovementPattern.Hinge, ExerciseLoading.Bodyweight, true,
            [Glutes], [Hamstrings], [Equipment.Bodyweight]),
        E("kettlebell-swing", "Kettlebell Swing", MovementPattern.Hinge, ExerciseLoading.Kettlebell, true,
            [Glutes, Hamstrings], [LowerBack, Abs, Forearms], [Equipment.Kettlebell]),
        E("back-extension", "45-Degree Back Extension", MovementPattern.Hinge, ExerciseLoading.Bodyweight, false,
            [LowerBack, Glutes, Hamstrings], [], [Equipment.Machine]),

        // Lunge: single-leg and split-stance work.
        E("dumbbell-walking-lunge", "Dumbbell Walking Lunge", MovementPattern.Lunge, ExerciseLoading.Dumbbell, true,
            [Quads, Glutes], [Adductors], [Equipment.Dumbbell]),
        E("bulgarian-split-squat", "Dumbbell Bulgarian Split Squat", MovementPattern.Lunge, ExerciseLoading.Dumbbell, true,
            [Quads, Glutes], [Adductors], [Equipment.Dumbbell, Equipment.Bench]),
        E("split-squat", "Split Squat", MovementPattern.Lunge, ExerciseLoading.Bodyweight, true,
            [Quads, Glutes], [Adductors], [Equipment.Bodyweight]),
        E("kettlebell-reverse-lunge", "Kettlebell Reverse Lunge", MovementPattern.Lunge, ExerciseLoading.Kettlebell, true,
            [Glutes, Quads], [Adductors, Hamstrings], [Equipment.Kettlebell]),
        E("cossack-squat", "Cossack Squat", MovementPattern.Lunge, ExerciseLoading.Bodyweight, true,
            [Adductors, Quads, Glutes], [], [Equipment.Bodyweight]),

        // Horizontal push: presses and push-ups in front of the chest.
        E("barbell-bench-press", "Barbell Bench Press", MovementPattern.HorizontalPush, ExerciseLoading.Barbell, true,
            [Chest], [FrontDelts, Triceps], [Equipment.Barbell, Equipment.Bench, Equipment.SquatRack]),
        E("incline-barbell-bench-press", "Incline Barbell Bench Press", MovementPattern.HorizontalPush, ExerciseLoading.Barbell, true,
            [Chest, FrontDelts], [Triceps], [Equipment.Barbell, Equipment.Bench, Equipment.SquatRack]),
        E("dumbbell-bench-press", "Dumbbell Bench Press", MovementPattern.HorizontalPush, ExerciseLoading.Dumbbell, true,
            [Chest], [FrontDelts, Triceps], [Equipment.Dumbbell, Equipment.Bench]),
        E("incline-dumbbell-bench-press", "Incline Dumbbell Bench Press", MovementPattern.HorizontalPush, ExerciseLoading.Dumbbell, true,
            [Chest, FrontDelts], [Triceps], [Equipment.Dumbbell, Equipment.Bench]),
        E("push-up", "Push-Up", MovementPattern.HorizontalPush, ExerciseLoading.Bodyweight, true,
            [Chest], [FrontDelts, Triceps, Abs], [Equipment.Bodyweight]),
        E("diamond-push-up", "Diamond Push-Up", MovementPattern.HorizontalPush, ExerciseLoading.Bodyweight, true,
            [Triceps, Chest], [FrontDelts, Abs], [Equipment.Bodyweight]),
        E("parallel-bar-dip", "Parallel Bar Dip", MovementPattern.HorizontalPush, ExerciseLoading.Bodyweight, true,
            [Chest, Triceps], [FrontDelts], [Equipment.DipStation]),
        E("kettlebell-floor-press", "Kettlebell Floor Press", MovementPattern.HorizontalPush, ExerciseLoading.Kettlebell, true,
            [Chest, Triceps], [FrontDelts], [Equipment.Kettlebell]),

        // Vertical push: overhead pressing.
        E("barbell-overhead-press", "Barbell Overhead Press", MovementPattern.VerticalPush, ExerciseLoading.Barbell, true,
            [FrontDelts], [SideDelts, Triceps, UpperBack], [Equipment.Barbell, Equipment.SquatRack]),
        E("seated-dumbbell-shoulder-press", "Seated Dumbbell Shoulder Press", MovementPattern.VerticalPush, ExerciseLoading.Dumbbell, true,
            [FrontDelts], [SideDelts, Triceps], [Equipment.Dumbbell, Equipment.Bench]),
        E("machine-shoulder-press", "Machine Shoulder Press", MovementPattern.VerticalPush, ExerciseLoading.Stack, true,
            [FrontDelts], [SideDelts, Triceps], [Equipment.Machine]),
        E("kettlebell-overhead-press", "Kettlebell Overhead Press", MovementPattern.VerticalPush, ExerciseLoading.Kettlebell, true,
            [FrontDelts], [SideDelts, Triceps, UpperBack], [Equipment.Kettlebell]),
        E("pike-push-up", "Pike Push-Up", MovementPattern.VerticalPush, ExerciseLoading.Bodyweight, true,
            [FrontDelts], [SideDelts, Triceps], [Equipment.Bodyweight]),
        E("handstand-push-up", "Handstand Push-Up", MovementPattern.VerticalPush, ExerciseLoading.Bodyweight, true,
            [FrontDelts], [SideDelts, Triceps, UpperBack], [Equipment.Bodyweight]),

        // Horizontal pull: rows.
        E("barbell-row", "Barbell Bent-Over Row", MovementPattern.HorizontalPull, ExerciseLoading.Barbell, true,
            [Lats, UpperBack], [RearDelts, Biceps, LowerBack], [Equipment.Barbell]),
        E("one-arm-dumbbell-row", "One-Arm Dumbbell Row", MovementPattern.HorizontalPull, ExerciseLoading.Dumbbell, true,
            [Lats, UpperBack], [RearDelts, Biceps], [Equipment.Dumbbell, Equipment.Bench]),
        E("seated-cable-row", "Seated Cable Row", MovementPattern.HorizontalPull, ExerciseLoading.Stack, true,
            [Lats, UpperBack], [RearDelts, Biceps], [Equipment.Cable]),
        E("chest-supported-machine-row", "Chest-Supported Machine Row", MovementPattern.HorizontalPull, ExerciseLoading.Stack, true,
            [UpperBack, Lats], [RearDelts, Biceps], [Equipment.Machine]),
        E("one-arm-kettlebell-row", "One-Arm Kettlebell Row", MovementPattern.HorizontalPull, ExerciseLoading.Kettlebell, true,
            [Lats, UpperBack], [RearDelts, Biceps], [Equipment.Kettlebell]),
        E("inverted-row", "Inverted Row", MovementPattern.HorizontalPull, ExerciseLoading.Bodyweight, true,
            [UpperBack, Lats], [RearDelts, Biceps], [Equipment.PullUpBar]),

        // Vertical pull: pull-ups, pulldowns and overhead shoulder extension.
        E("pull-up", "Pull-Up", MovementPattern.VerticalPull, ExerciseLoading.Bodyweight, true,
            [Lats], [Biceps, UpperBack, Forearms], [Equipment.PullUpBar]),
        E("chin-up", "Chin-Up", MovementPattern.VerticalPull, ExerciseLoading.Bodyweight, true,
            [Lats, Biceps], [UpperBack, Forearms], [Equipment.PullUpBar]),
        E("lat-pulldown", "Lat Pulldown", MovementPattern.VerticalPull, ExerciseLoading.Stack, true,
            [Lats], [Biceps, UpperBack], [Equipment.Cable]),
        E("straight-arm-pulldown", "Straight-Arm Pulldown", MovementPattern.VerticalPull, ExerciseLoading.Stack, false,
            [Lats], [Triceps], [Equipment.Cable]),
        E("dumbbell-pullover", "Dumbbell Pullover", MovementPattern.VerticalPull, ExerciseLoading.Dumbbell, false,
            [Lats, Chest], [Triceps], [Equipment.Dumbbell, Equipment.Bench]),

        // Elbow flexion: curls.
        E("barbell-curl", "Barbell Curl", MovementPattern.ElbowFlexion, ExerciseLoading.Barbell, false,
            [Biceps], [Forearms], [Equipment.Barbell]),
        E("ez-bar-curl", "EZ-Bar Curl", MovementPattern.ElbowFlexion, ExerciseLoading.Barbell, false,
            [Biceps], [Forearms], [Equipment.EzBar]),
        E("dumbbell-curl", "Dumbbell Curl", MovementPattern.ElbowFlexion, ExerciseLoading.Dumbbell, false,
            [Biceps], [Forearms], [Equipment.Dumbbell]),
        E("hammer-curl", "Hammer Curl", MovementPattern.ElbowFlexion, ExerciseLoading.Dumbbell, false,
            [Biceps, Forearms], [], [Equipment.Dumbbell]),
        E("ez-bar-reverse-curl", "EZ-Bar Reverse Curl", MovementPattern.ElbowFlexion, ExerciseLoading.Barbell, false,
            [Forearms, Biceps], [], [Equipment.EzBar]),

        // Elbow extension: triceps isolation.
        E("ez-bar-skull-crusher", "EZ-Bar Skull Crusher", MovementPattern.ElbowExtension, ExerciseLoading.Barbell, false,
            [Triceps], [], [Equipment.EzBar, Equipment.Bench]),
        E("cable-triceps-pushdown", "Cable Triceps Pushdown", MovementPattern.ElbowExtension, ExerciseLoading.Stack, false,
            [Triceps], [], [Equipment.Cable]),
        E("overhead-cable-triceps-extension", "Overhead Cable Triceps Extension", MovementPattern.ElbowExtension, ExerciseLoading.Stack, false,
            [Triceps], [], [Equipment.Cable]),
        E("dumbbell-overhead-triceps-extension", "Dumbbell Overhead Triceps Extension", MovementPattern.ElbowExtension, ExerciseLoading.Dumbbell, false,
            [Triceps], [], [Equipment.Dumbbell]),

        // Shoulder isolation: raises, rear-delt work and shrugs.
        E("dumbbell-lateral-raise", "Dumbbell Lateral Raise", MovementPattern.ShoulderIsolation, ExerciseLoading.Dumbbell, false,
            [SideDelts], [], [Equipment.Dumbbell]),
        E("cable-lateral-raise", "Cable Lateral Raise", MovementPattern.ShoulderIsolation, ExerciseLoading.Stack, false,
            [SideDelts], [], [Equipment.Cable]),
        E("dumbbell-rear-delt-fly", "Dumbbell Rear Delt Fly", MovementPattern.ShoulderIsolation, ExerciseLoading.Dumbbell, false,
            [RearDelts], [UpperBack], [Equipment.Dumbbell]),
        E("reverse-pec-deck", "Reverse Pec Deck", MovementPattern.ShoulderIsolation, ExerciseLoading.Stack, false,
            [RearDelts], [UpperBack], [Equipment.Machine]),
        E("face-pull", "Face Pull", MovementPattern.ShoulderIsolation, ExerciseLoading.Stack, false,
            [RearDelts], [UpperBack, Traps], [Equipment.Cable]),
        E("band-pull-apart", "Band Pull-Apart", MovementPattern.ShoulderIsolation, ExerciseLoading.Bodyweight, false,
            [RearDelts], [UpperBack, Traps], [Equipment.ResistanceBand]),
        E("barbell-shrug", "Barbell Shrug", MovementPattern.ShoulderIsolation, ExerciseLoading.Barbell, false,
            [Traps], [Forearms], [Equipment.Barbell]),
        E("dumbbell-shrug", "Dumbbell Shrug", MovementPattern.ShoulderIsolation, ExerciseLoading.Dumbbell, false,
            [Traps], [Forearms], [Equipment.Dumbbell]),

        // Chest isolation: flyes.
        E("dumbbell-fly", "Dumbbell Fly", MovementPattern.ChestIsolation, ExerciseLoading.Dumbbell, false,
            [Chest], [FrontDelts], [Equipment.Dumbbell, Equipment.Bench]),
        E("cable-fly", "Cable Fly", MovementPattern.ChestIsolation, ExerciseLoading.Stack, false,
            [Chest], [FrontDelts], [Equipment.Cable]),
        E("pec-deck", "Pec Deck", MovementPattern.ChestIsolation, ExerciseLoading.Stack, false,
            [Chest], [FrontDelts], [Equipment.Machine]),

        // Knee extension: quad isolation.
        E("leg-extension", "Leg Extension", MovementPattern.KneeExtension, ExerciseLoading.Stack, false,
            [Quads], [], [Equipment.Machine]),
        E("sissy-squat", "Sissy Squat", MovementPattern.KneeExtension, ExerciseLoading.Bodyweight, false,
            [Quads], [], [Equipment.Bodyweight]),
        E("reverse-nordic", "Reverse Nordic", MovementPattern.KneeExtension, ExerciseLoading.Bodyweight, false,
            [Quads], [], [Equipment.Bodyweight]),

        // Knee flexion: hamstring curls.
        E("lying-leg-curl", "Lying Leg Curl", MovementPattern.KneeFlexion, ExerciseLoading.Stack, false,
            [Hamstrings], [], [Equipment.Machine]),
        E("seated-leg-curl", "Seated Leg Curl", MovementPattern.KneeFlexion, ExerciseLoading.Stack, false,
            [Hamstrings], [], [Equipment.Machine]),
        E("nordic-curl", "Nordic Curl", MovementPattern.KneeFlexion, ExerciseLoading.Bodyweight, false,
            [Hamstrings], [], [Equipment.Bodyweight]),

        // Hip isolation: abduction and adduction.
        E("machine-hip-abduction", "Machine Hip Abduction", MovementPattern.HipIsolation, ExerciseLoading.Stack, false,
            [Glutes], [], [Equipment.Machine]),
        E("machine-hip-adduction", "Machine Hip Adduction", MovementPattern.HipIsolation, ExerciseLoading.Stack, false,
            [Adductors], [], [Equipment.Machine]),
        E("copenhagen-plank", "Copenhagen Plank", MovementPattern.HipIsolation, ExerciseLoading.Bodyweight, false,
            [Adductors], [Obliques], [Equipment.Bench]),

        // Calf: calf raises.
        E("standing-calf-raise", "Standing Calf Raise", MovementPattern.Calf, ExerciseLoading.Stack, false,
            [Calves], [], [Equipment.Machine]),
        E("seated-calf-raise", "Seated Calf Raise", MovementPattern.Calf, ExerciseLoading.Stack, false,
            [Calves], [], [Equipment.Machine]),
        E("single-leg-calf-raise", "Single-Leg Calf Raise", MovementPattern.Calf, ExerciseLoading.Bodyweight, false,
            [Calves], [], [Equipment.Bodyweight]),

        // Core: trunk flexion, anti-extension, anti-rotation and lateral flexion.
        E("plank", "Plank", MovementPattern.Core, ExerciseLoading.Bodyweight, false,
            [Abs], [Obliques], [Equipment.Bodyweight]),
        E("side-plank", "Side Plank", MovementPattern.Core, ExerciseLoading.Bodyweight, false,
            [Obliques], [Abs], [Equipment.Bodyweight]),
        E("dead-bug", "Dead Bug", MovementPattern.Core, ExerciseLoading.Bodyweight, false,
            [Abs], [], [Equipment.Bodyweight]),
        E("hanging-leg-raise", "Hanging Leg Raise", MovementPattern.Core, ExerciseLoading.Bodyweight, false,
            [Abs], [Obliques, Forearms], [Equipment.PullUpBar]),
        E("cable-crunch", "Cable Crunch", MovementPattern.Core, ExerciseLoading.Stack, false,
            [Abs], [], [Equipment.Cable]),
        E("pallof-press", "Pallof Press", MovementPattern.Core, ExerciseLoading.Stack, false,
            [Obliques], [Abs], [Equipment.Cable]),
        E("dumbbell-side-bend", "Dumbbell Side Bend", MovementPattern.Core, ExerciseLoading.Dumbbell, false,
            [Obliques], [], [Equipment.Dumbbell]),
        E("turkish-get-up", "Turkish Get-Up", MovementPattern.Core, ExerciseLoading.Kettlebell, true,
            [Abs, Obliques], [FrontDelts, Glutes, Triceps], [Equipment.Kettlebell]),

        // Carry: loaded walks.
        E("dumbbell-farmers-carry", "Dumbbell Farmer's Carry", MovementPattern.Carry, ExerciseLoading.Dumbbell, true,
            [Forearms, Traps], [UpperBack, Abs, Obliques], [Equipment.Dumbbell]),
        E("kettlebell-farmers-carry", "Kettlebell Farmer's Carry", MovementPattern.Carry, ExerciseLoading.Kettlebell, true,
            [Forearms, Traps], [UpperBack, Abs, Obliques], [Equipment.Kettlebell]),
        E("suitcase-carry", "Suitcase Carry", MovementPattern.Carry, ExerciseLoading.Dumbbell, true,
            [Obliques, Forearms], [Traps, Abs], [Equipment.Dumbbell]),
    ];

    private static Exercise E(
        string id,
        string name,
        MovementPattern pattern,
        ExerciseLoading loading,
        bool compound,
        MuscleGroup[] primary,
        MuscleGroup[] secondary,
        Equipment[] equipment) => new()
        {
            Id = id,
            Name = name,
            Pattern = pattern,
            Loading = loading,
            IsCompound = compound,
            PrimaryMuscles = [.. primary],
            SecondaryMuscles = [.. secondary],
            Equipment = [.. equipment],
        };
}
