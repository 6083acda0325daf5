using WorkoutTracker.Server.Coaching.Copilot;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Progression.Schemes;

namespace WorkoutTracker.Domain.Tests.Coaching;

/// <summary>The copilot's rules, without a server: next set, rest and swaps from the plan day and today's sets.</summary>
public sealed class CopilotEngineTests
{
    private const string Squat = "barbell-back-squat";
    private const string Curl = "dumbbell-curl";
    private const string Bench = "barbell-bench-press";

    private static readonly IReadOnlyDictionary<string, Exercise> Catalog = ExerciseCatalog.All.ToDictionary(e => e.Id);

    private static readonly TrainingProfile Strength = new()
    {
        Goal = TrainingGoal.Strength,
        DaysPerWeek = 3,
        Experience = ExperienceLevel.Intermediate,
        Equipment = TrainingProfile.FullGym,
    };

    private static readonly LinearProgression Linear5 = new() { Reps = 5, TargetRpe = 8m };
    private static readonly DoubleProgression Double8To12 = new() { RepsMin = 8, RepsMax = 12, TargetRpe = 9m };
    private static readonly RpeProgression Rpe5At8 = new() { Reps = 5, TargetRpe = 8m };

    [Fact]
    public void The_first_set_is_the_planned_target()
    {
        var advice = Suggest([Planned(Squat, Linear5, 100m, 3)]);

        Assert.Equal(new CopilotSet(Squat, 1, 100m, 5, 8m), advice.NextSet);
        Assert.Null(advice.Swap);
        Assert.Equal(210, advice.RestSeconds);
    }

    [Fact]
    public void An_rpe_overshoot_lowers_the_load_to_the_chart_load_at_the_target_rpe()
    {
        // 100 kg × 5 @ 9.5 → e1RM 100 / 0.850 = 117.65 kg; 5 @ 8 is 0.811 of it = 95.4 → 95 kg (rounded down).
        var advice = Suggest([Planned(Squat, Linear5, 100m, 3)], [new LoggedSet(Squat, 100m, 5, 9.5m)]);

        Assert.Equal(new CopilotSet(Squat, 2, 95m, 5, 8m), advice.NextSet);
        Assert.Contains("RPE 9.5", advice.Rationale, StringComparison.Ordinal);
        Assert.Equal(270, advice.RestSeconds);
    }

    [Fact]
    public void A_small_overshoot_still_drops_at_least_one_loadable_step()
    {
        var advice = Suggest([Planned(Squat, Linear5, 100m, 3)], [new LoggedSet(Squat, 100m, 5, 8.5m)]);

        Assert.Equal(97.5m, advice.NextSet!.LoadKg);
    }

    [Fact]
    public void Reps_short_of_the_range_lower_the_load()
    {
        var advice = Suggest([Planned(Squat, Linear5, 100m, 3)], [new LoggedSet(Squat, 100m, 3, null)]);

        Assert.True(advice.NextSet!.LoadKg < 100m);
        Assert.Equal(5, advice.NextSet.Reps);
    }

    [Fact]
    public void Every_set_at_the_top_of_a_double_progression_range_raises_by_its_increment()
    {
        var sets = new[] { new LoggedSet(Curl, 12m, 12, 8.5m), new LoggedSet(Curl, 12m, 12, 9m) };

        var advice = Suggest([Planned(Curl, Double8To12, 12m, 3)], sets);

        // One dumbbell step (2 kg) up, back to the bottom of the range.
        Assert.Equal(new CopilotSet(Curl, 3, 14m, 8, 9m), advice.NextSet);
        Assert.Contains("double progression", advice.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_at_the_top_but_above_the_target_rpe_does_not_raise()
    {
        var sets = new[] { new LoggedSet(Curl, 12m, 12, 8.5m), new LoggedSet(Curl, 12m, 10, 9m) };

        var advice = Suggest([Planned(Curl, Double8To12, 12m, 3)], sets);

        Assert.Equal(12m, advice.NextSet!.LoadKg);
        Assert.Equal(10, advice.NextSet.Reps);
    }

    [Fact]
    public void An_easy_rpe_scheme_set_raises_to_the_chart_load_from_todays_e1rm()
    {
        // 100 kg × 5 @ 6 → e1RM 100 / 0.762 = 131.23; 5 @ 8 = 0.811 × 131.23 = 106.4 → 107.5 kg.
        var advice = Suggest([Planned(Squat, Rpe5At8, 100m, 4)], [new LoggedSet(Squat, 100m, 5, 6m)]);

        Assert.Equal(107.5m, advice.NextSet!.LoadKg);
        Assert.Equal(5, advice.NextSet.Reps);
    }

    [Fact]
    public void Linear_progression_holds_the_load_within_a_session()
    {
        var advice = Suggest([Planned(Squat, Linear5, 100m, 3)], [new LoggedSet(Squat, 100m, 5, 7m)]);

        Assert.Equal(100m, advice.NextSet!.LoadKg);
        Assert.Equal(195, advice.RestSeconds);
    }

    [Fact]
    public void After_the_last_planned_set_the_next_exercise_starts_and_after_the_day_nothing()
    {
        var day = new[] { Planned(Squat, Linear5, 100m, 2), Planned(Curl, Double8To12, 12m, 1) };
        var squats = new[] { new LoggedSet(Squat, 50m, 5, null, IsWarmup: true), new LoggedSet(Squat, 100m, 5, 8m), new LoggedSet(Squat, 100m, 5, 8m) };

        var next = Suggest(day, squats);
        var done = Suggest(day, [.. squats, new LoggedSet(Curl, 12m, 10, 9m)]);

        Assert.Equal(new CopilotSet(Curl, 1, 12m, 8, 9m), next.NextSet);
        Assert.Equal(90, next.RestSeconds);
        Assert.Null(done.NextSet);
        Assert.Equal(0, done.RestSeconds);
    }

    [Fact]
    public void A_swap_keeps_the_primary_muscle_and_needs_none_of_the_taken_equipment()
    {
        var advice = Suggest([Planned(Bench, Linear5, 80m, 3)], [], [Equipment.Bench]);

        var swap = Assert.IsType<CopilotSwap>(advice.Swap);
        var replacement = Catalog[swap.ExerciseId];
        Assert.Equal(Bench, swap.ReplacesExerciseId);
        Assert.Equal(MuscleGroup.Chest, replacement.PrimaryMuscles[0]);
        Assert.DoesNotContain(Equipment.Bench, replacement.Equipment);
        Assert.Equal(replacement.Id, advice.NextSet!.ExerciseId);
        Assert.Equal(ExerciseSwaps.Rank(Catalog[Bench], Catalog.Values, ExerciseSwaps.Doable(Strength.Equipment, [Equipment.Bench]))[0].Id, swap.ExerciseId);
    }

    [Fact]
    public void A_swap_uses_only_the_athletes_own_equipment_and_none_when_nothing_fits()
    {
        var homeGym = Strength with { Equipment = new HashSet<Equipment> { Equipment.Barbell, Equipment.Bench, Equipment.SquatRack } };
        var dumbbellsOnly = Strength with { Equipment = new HashSet<Equipment> { Equipment.Dumbbell } };

        var swapped = Suggest([Planned(Bench, Linear5, 80m, 3)], [], [Equipment.Bench, Equipment.SquatRack], homeGym);
        var calves = Suggest([Planned("seated-calf-raise", Double8To12, 40m, 3)], [], [Equipment.Machine]);
        var nothing = Suggest([Planned("dumbbell-lateral-raise", Double8To12, 8m, 3)], [], [Equipment.Dumbbell], dumbbellsOnly);

        Assert.Equal("push-up", swapped.Swap!.ExerciseId);
        Assert.Equal("single-leg-calf-raise", calves.Swap?.ExerciseId);
        Assert.Null(nothing.Swap);
        Assert.Null(nothing.NextSet);
        Assert.Contains("dumbbell is taken", nothing.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Equipment_the_next_exercise_does_not_need_changes_nothing()
    {
        var advice = Suggest([Planned(Squat, Linear5, 100m, 3)], [], [Equipment.Cable]);

        Assert.Null(advice.Swap);
        Assert.Equal(Squat, advice.NextSet!.ExerciseId);
    }

    private static CopilotAdvice Suggest(
        IReadOnlyList<PlannedExercise> day, IReadOnlyList<LoggedSet>? sets = null, IReadOnlyCollection<Equipment>? taken = null, TrainingProfile? profile = null) =>
        CopilotEngine.Suggest(new CopilotInput(profile ?? Strength, day, sets ?? [], Catalog, new Dictionary<string, ExerciseProgress>(), taken ?? []));

    private static PlannedExercise Planned(string exerciseId, ProgressionScheme scheme, decimal load, int sets)
    {
        var (min, max) = scheme.RepRange(scheme.StartingReps);
        var role = Catalog[exerciseId].IsCompound ? ExerciseRole.Main : ExerciseRole.Accessory;
        return new PlannedExercise(exerciseId, role, TargetMeasure.Reps, scheme,
            [.. Enumerable.Range(1, sets).Select(n => new TargetSet(n, min, max, load, scheme.TargetRpe))]);
    }
}
