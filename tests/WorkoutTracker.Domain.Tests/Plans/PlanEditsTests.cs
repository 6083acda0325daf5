using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Progression.Schemes;
using static WorkoutTracker.Domain.Tests.Plans.Profiles;

namespace WorkoutTracker.Domain.Tests.Plans;

public class PlanEditsTests
{
    private static readonly IReadOnlyDictionary<string, Exercise> Catalog = ExerciseCatalog.All.ToDictionary(e => e.Id, StringComparer.Ordinal);

    private static WeeklyPlan Apply(WeeklyPlan plan, params PlanEdit[] edits) =>
        PlanEdits.Apply(plan, edits, Catalog, PlanEditPlanner.For(FullGym(3), plan, NoProgress));

    [Fact]
    public void A_swap_keeps_the_sets_and_plans_the_new_exercise_from_its_own_progression()
    {
        var plan = Generate(FullGym(3));
        var original = plan.Days[0].Exercises[0];
        var replacement = ExerciseSwaps.Rank(Catalog[original.ExerciseId], Catalog.Values, FullGym(3).CanDo)
            .First(e => plan.Days[0].Exercises.All(p => p.ExerciseId != e.Id));

        var swapped = Apply(plan, new PlanEdit(PlanEditKind.Swap, 1, original.ExerciseId, WithExerciseId: replacement.Id)).Days[0].Exercises[0];

        Assert.Equal(replacement.Id, swapped.ExerciseId);
        Assert.Equal(original.ExerciseId, swapped.SwappedFromExerciseId);
        Assert.Equal(original.TargetSets.Count, swapped.TargetSets.Count);
        Assert.Equal(original.Role, swapped.Role);
    }

    [Fact]
    public void An_edit_whose_exercise_left_the_plan_is_passed_over()
    {
        var plan = Generate(FullGym(3));
        var first = plan.Days[0].Exercises[0].ExerciseId;

        var edited = Apply(plan, new PlanEdit(PlanEditKind.Skip, 1, first), new PlanEdit(PlanEditKind.Skip, 1, first), new PlanEdit(PlanEditKind.Skip, 9, first));

        Assert.Equal(plan.Days[0].Exercises.Skip(1).Select(e => e.ExerciseId), edited.Days[0].Exercises.Select(e => e.ExerciseId));
        Assert.Equal(plan.Days[1].Exercises, edited.Days[1].Exercises);
    }

    [Fact]
    public void A_superset_puts_its_exercises_side_by_side_and_a_skip_dissolves_a_superset_of_one()
    {
        var plan = Generate(FullGym(3));
        var ids = plan.Days[0].Exercises.Select(e => e.ExerciseId).ToList();

        var grouped = Apply(plan, new PlanEdit(PlanEditKind.Superset, 1, ids[0], ExerciseIds: [ids[0], ids[^1]]));
        var skipped = Apply(plan, new PlanEdit(PlanEditKind.Superset, 1, ids[0], ExerciseIds: [ids[0], ids[^1]]), new PlanEdit(PlanEditKind.Skip, 1, ids[^1]));

        Assert.Equal([ids[0], ids[^1]], grouped.Days[0].Exercises.Take(2).Select(e => e.ExerciseId));
        Assert.All(grouped.Days[0].Exercises.Take(2), e => Assert.Equal("A", e.SupersetGroup));
        Assert.All(skipped.Days[0].Exercises, e => Assert.Null(e.SupersetGroup));
    }

    [Fact]
    public void Check_names_the_field_that_keeps_an_edit_from_applying()
    {
        var plan = Generate(FullGym(3));
        var planned = plan.Days[0].Exercises[0].ExerciseId;

        var targets = Assert.Throws<ValidationException>(() => PlanEdits.Check(plan, new PlanEdit(PlanEditKind.ChangeTargets, 1, planned, RepsMin: 10, RepsMax: 8), Catalog));
        var day = Assert.Throws<ValidationException>(() => PlanEdits.Check(plan, new PlanEdit(PlanEditKind.Skip, 8, planned), Catalog));
        var twice = Assert.Throws<ValidationException>(() => PlanEdits.Check(plan, new PlanEdit(PlanEditKind.Add, 1, planned), Catalog));

        Assert.Equal("repsMax", targets.Field);
        Assert.Equal("dayNumber", day.Field);
        Assert.Equal("exerciseId", twice.Field);
    }

    private const string Bench = "barbell-bench-press";
    private const string DumbbellBench = "dumbbell-bench-press";

    private static ExerciseProgress Progress(string exerciseId, LoadImplement implement, decimal load, int reps, WeightUnit unit = WeightUnit.Kg) => new()
    {
        ExerciseId = exerciseId,
        Implement = implement,
        Scheme = new LinearProgression { Reps = reps },
        Unit = unit,
        Load = load,
        TargetReps = reps,
    };

    /// <summary>The week's plan with its barbell bench press (on whichever day has it) swapped for dumbbell bench press.</summary>
    private static PlannedExercise SwapBench(IReadOnlyDictionary<string, ExerciseProgress> progress)
    {
        var profile = FullGym(3);
        var plan = Generate(profile, progress: progress);
        var day = plan.Days.First(d => d.Exercises.Any(e => e.ExerciseId == Bench));
        var edited = PlanEdits.Apply(plan, [new PlanEdit(PlanEditKind.Swap, day.DayNumber, Bench, WithExerciseId: DumbbellBench)], Catalog, PlanEditPlanner.For(profile, plan, progress));
        return edited.Days.Single(d => d.DayNumber == day.DayNumber).Exercises.Single(e => e.ExerciseId == DumbbellBench);
    }

    [Fact]
    public void A_swapped_in_exercise_never_done_starts_from_the_athletes_load_on_the_exercise_it_replaced()
    {
        // 100 kg × 5 on the bar → 8 reps (double progression 8–12): 100 × 0.739 / 0.811 = 91.1 bar kg, 36.4 per hand, × 0.9 = 32.8 → 32 kg dumbbells.
        var swapped = SwapBench(new Dictionary<string, ExerciseProgress> { [Bench] = Progress(Bench, LoadImplement.Barbell, 100m, 5) });

        Assert.Equal(Bench, swapped.SwappedFromExerciseId);
        Assert.All(swapped.TargetSets, t => Assert.Equal(32m, t.Load));
        Assert.Equal(8, swapped.TargetSets[0].RepsMin);
    }

    [Fact]
    public void A_swapped_in_exercise_the_athlete_has_done_starts_from_their_own_progression_of_it()
    {
        var swapped = SwapBench(new Dictionary<string, ExerciseProgress>
        {
            [Bench] = Progress(Bench, LoadImplement.Barbell, 100m, 5),
            [DumbbellBench] = Progress(DumbbellBench, LoadImplement.Dumbbell, 24m, 10),
        });

        Assert.All(swapped.TargetSets, t => Assert.Equal(24m, t.Load));
        Assert.Equal(10, swapped.TargetSets[0].RepsMin);
    }

    [Fact]
    public void A_swapped_in_exercise_with_no_history_on_either_starts_at_the_starting_load()
    {
        var swapped = SwapBench(NoProgress);

        // An intermediate's first dumbbell compound: 16 kg per hand (StartingLoads).
        Assert.All(swapped.TargetSets, t => Assert.Equal(16m, t.Load));
    }

    [Fact]
    public void The_swap_estimate_moves_through_implements_halves_for_isolation_rounds_down_to_the_setup_and_skips_bodyweight()
    {
        var bench = Progress(Bench, LoadImplement.Barbell, 100m, 8);
        var dumbbells = Progress(DumbbellBench, LoadImplement.Dumbbell, 30m, 8);
        var kg = LoadingSetup.Default(WeightUnit.Kg);

        // Same reps: 100 bar kg → a stack × 0.9 → 90 kg; an isolation exercise on a stack half of that, 45 kg.
        Assert.Equal(90m, SwapStartingLoads.Estimate(Exercise("machine-shoulder-press"), 8, Exercise(Bench), bench, WeightUnit.Kg, kg));
        Assert.Equal(45m, SwapStartingLoads.Estimate(Exercise("cable-fly"), 8, Exercise(Bench), bench, WeightUnit.Kg, kg));
        // Dumbbells back to a bar: 30 per hand → 75 bar kg × 0.9 = 67.5 kg, which the default plates make.
        Assert.Equal(67.5m, SwapStartingLoads.Estimate(Exercise("incline-barbell-bench-press"), 8, Exercise(DumbbellBench), dumbbells, WeightUnit.Kg, kg));
        // In pounds: 100 kg = 220.46 lb → × 0.9 = 198.4 → 195 lb (45 lb bar, 2.5 lb plates: 5 lb steps).
        Assert.Equal(195m, SwapStartingLoads.Estimate(Exercise("incline-barbell-bench-press"), 8, Exercise(Bench), bench, WeightUnit.Lb, LoadingSetup.Default(WeightUnit.Lb)));
        Assert.Null(SwapStartingLoads.Estimate(Exercise("push-up"), 8, Exercise(Bench), bench, WeightUnit.Kg, kg));
    }
}
