using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Progression.Schemes;
using static WorkoutTracker.Domain.Tests.Plans.Profiles;

namespace WorkoutTracker.Domain.Tests.Plans;

public class PlanTargetsTests
{
    private static PlannedExercise Find(WeeklyPlan plan, string id) => plan.AllExercises().First(e => e.ExerciseId == id);

    [Fact]
    public void Strength_beginner_squats_3x5_linear_from_the_empty_bar_adding_5_kg()
    {
        var squat = Find(Generate(FullGym(3, TrainingGoal.Strength, ExperienceLevel.Beginner, 90)), "barbell-back-squat");

        var linear = Assert.IsType<LinearProgression>(squat.Scheme);
        Assert.Equal((5, LoadChange.Steps(2)), (linear.Reps, linear.Increment));
        Assert.Equal(3, squat.TargetSets.Count);
        Assert.All(squat.TargetSets, t => Assert.Equal((5, 5, 20m, (decimal?)8m), (t.RepsMin, t.RepsMax, t.Load, t.Rpe)));
    }

    [Fact]
    public void Strength_intermediate_main_lifts_are_rpe_based_5_at_8_with_4_sets()
    {
        var bench = Find(Generate(FullGym(4, TrainingGoal.Strength, ExperienceLevel.Intermediate, 90)), "barbell-bench-press");

        Assert.Equal(new RpeProgression { Reps = 5, TargetRpe = 8m, Deload = new DeloadRule() }, bench.Scheme);
        Assert.Equal(4, bench.TargetSets.Count);
        Assert.All(bench.TargetSets, t => Assert.Equal((5, 5, 40m, (decimal?)8m), (t.RepsMin, t.RepsMax, t.Load, t.Rpe)));
    }

    [Fact]
    public void Strength_compounds_stay_within_3_to_6_reps_and_everything_else_is_heavier_than_hypertrophy()
    {
        var plan = Generate(FullGym(4, TrainingGoal.Strength, ExperienceLevel.Advanced, 90));

        var barCompounds = plan.AllExercises().Where(e => e.Role != ExerciseRole.Accessory && Exercise(e.ExerciseId).Loading == Server.Exercises.ExerciseLoading.Barbell);
        Assert.NotEmpty(barCompounds);
        Assert.All(barCompounds.SelectMany(e => e.TargetSets), t => Assert.True(t.RepsMin >= 3 && t.RepsMax <= 6, $"{t.RepsMin}-{t.RepsMax}"));
        Assert.All(plan.AllExercises().SelectMany(e => e.TargetSets), t => Assert.True(t.RepsMax <= 10));
    }

    [Theory]
    [InlineData(TrainingGoal.Hypertrophy, 8, 12)]
    [InlineData(TrainingGoal.GeneralFitness, 8, 15)]
    public void Goal_decides_the_rep_range(TrainingGoal goal, int min, int max)
    {
        var plan = Generate(FullGym(4, goal));

        Assert.All(plan.AllExercises().Where(e => e.Measure == TargetMeasure.Reps).SelectMany(e => e.TargetSets),
            t => Assert.Equal((min, max), (t.RepsMin, t.RepsMax)));
    }

    [Fact]
    public void Goal_decides_the_target_rpe()
    {
        var hypertrophy = Generate(FullGym(4, TrainingGoal.Hypertrophy));
        var general = Generate(FullGym(4, TrainingGoal.GeneralFitness));

        Assert.All(hypertrophy.AllExercises(), e => Assert.Equal(Exercise(e.ExerciseId).IsCompound ? 8m : 9m, e.TargetSets[0].Rpe));
        Assert.All(general.AllExercises(), e => Assert.Equal(7m, e.TargetSets[0].Rpe));
    }

    [Fact]
    public void Experience_decides_volume()
    {
        int MainSets(ExperienceLevel level) => Generate(FullGym(4, experience: level, minutes: 120)).AllExercises().First(e => e.Role == ExerciseRole.Main).TargetSets.Count;
        int AccessorySets(ExperienceLevel level) => Generate(FullGym(4, experience: level, minutes: 120)).AllExercises().First(e => e.Role == ExerciseRole.Accessory).TargetSets.Count;

        Assert.Equal([3, 4, 5], new[] { ExperienceLevel.Beginner, ExperienceLevel.Intermediate, ExperienceLevel.Advanced }.Select(MainSets));
        Assert.Equal([2, 3, 3], new[] { ExperienceLevel.Beginner, ExperienceLevel.Intermediate, ExperienceLevel.Advanced }.Select(AccessorySets));
    }

    [Fact]
    public void Stored_progress_sets_the_load_reps_and_scheme()
    {
        var scheme = new DoubleProgression { RepsMin = 6, RepsMax = 10, TargetRpe = 8.5m };
        var squat = ExerciseProgress.Start(Exercise("barbell-back-squat"), scheme, ExperienceLevel.Advanced, WeightUnit.Kg) with { Load = 102.5m, TargetReps = 8 };
        var progress = new Dictionary<string, ExerciseProgress> { [squat.ExerciseId] = squat };

        var plan = Generate(FullGym(4), progress: progress);

        var planned = Find(plan, "barbell-back-squat");
        Assert.Equal(scheme, planned.Scheme);
        Assert.All(planned.TargetSets, t => Assert.Equal((8, 10, 102.5m, (decimal?)8.5m), (t.RepsMin, t.RepsMax, t.Load, t.Rpe)));
        Assert.DoesNotContain(plan.NewProgress, p => p.ExerciseId == "barbell-back-squat");
    }

    [Fact]
    public void Progress_stored_in_pounds_is_converted_to_a_kilogram_plan()
    {
        var bench = ExerciseProgress.Start(Exercise("barbell-bench-press"), new LinearProgression { Reps = 5 }, ExperienceLevel.Beginner, WeightUnit.Lb) with { Load = 225m };
        var progress = new Dictionary<string, ExerciseProgress> { [bench.ExerciseId] = bench };

        var planned = Find(Generate(FullGym(4), progress: progress), "barbell-bench-press");

        Assert.All(planned.TargetSets, t => Assert.Equal(102.5m, t.Load));
    }

    [Fact]
    public void A_pound_profile_writes_pound_loads_on_pound_plates()
    {
        var plan = Generate(FullGym(4, TrainingGoal.Strength, ExperienceLevel.Intermediate) with { Units = WeightUnit.Lb });

        Assert.Equal(WeightUnit.Lb, plan.Unit);
        Assert.All(Find(plan, "barbell-bench-press").TargetSets, t => Assert.Equal(95m, t.Load));
        Assert.All(Find(plan, "barbell-back-squat").TargetSets, t => Assert.Equal(135m, t.Load));
        Assert.All(plan.NewProgress, p => Assert.Equal(WeightUnit.Lb, p.Unit));
    }

    [Fact]
    public void New_progress_is_returned_once_per_new_exercise_at_its_starting_load()
    {
        var plan = Generate(FullGym(3) with { Equipment = new HashSet<Server.Exercises.Equipment>() });

        var planned = plan.AllExercises().Select(e => e.ExerciseId).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(planned, plan.NewProgress.Select(p => p.ExerciseId));
        Assert.All(plan.NewProgress, p => Assert.Equal((0m, 0, 0), (p.Load, p.Version, p.ConsecutiveSuccesses)));
    }

    [Fact]
    public void Starting_loads_for_an_intermediate_come_from_the_starting_load_table()
    {
        var plan = Generate(FullGym(4, experience: ExperienceLevel.Intermediate));

        Assert.Equal(60m, Find(plan, "barbell-back-squat").TargetSets[0].Load);
        Assert.Equal(40m, Find(plan, "barbell-bench-press").TargetSets[0].Load);
        Assert.Equal(0m, Find(plan, "pull-up").TargetSets[0].Load);
    }

    [Fact]
    public void A_scheduled_deload_week_lowers_every_load_by_its_percentage()
    {
        var schedule = new DeloadSchedule(EveryNthWeek: 4, FirstWeek: new DateOnly(2026, 2, 9), LoadReductionPercent: 10m);
        var squat = ExerciseProgress.Start(Exercise("barbell-back-squat"), new LinearProgression { Reps = 5 }, ExperienceLevel.Intermediate, WeightUnit.Kg) with { Load = 100m };
        var progress = new Dictionary<string, ExerciseProgress> { [squat.ExerciseId] = squat };
        var profile = FullGym(4) with { Deload = schedule };

        var normal = Generate(profile, new DateOnly(2026, 2, 23), progress); // week 3 of the cycle
        var deload = Generate(profile, new DateOnly(2026, 3, 2), progress); // week 4

        Assert.False(normal.IsDeloadWeek);
        Assert.True(deload.IsDeloadWeek);
        Assert.Equal(100m, Find(normal, "barbell-back-squat").TargetSets[0].Load);
        Assert.Equal(90m, Find(deload, "barbell-back-squat").TargetSets[0].Load);
        Assert.Equal(
            normal.AllExercises().Select(e => e.TargetSets.Count),
            deload.AllExercises().Select(e => e.TargetSets.Count));
    }

    [Fact]
    public void Deload_schedule_counts_weeks_from_its_first_week()
    {
        var schedule = new DeloadSchedule(4, new DateOnly(2026, 1, 7)); // Wednesday of the week of Monday 2026-01-05

        var deloads = Enumerable.Range(0, 12).Select(w => new DateOnly(2026, 1, 5).AddDays(7 * w)).Where(schedule.IsDeloadWeek);

        Assert.Equal([new DateOnly(2026, 1, 26), new DateOnly(2026, 2, 23), new DateOnly(2026, 3, 23)], deloads);
        Assert.False(schedule.IsDeloadWeek(new DateOnly(2025, 12, 29)));
    }
}
