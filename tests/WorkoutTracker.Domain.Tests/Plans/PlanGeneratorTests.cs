using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Progression;
using static WorkoutTracker.Domain.Tests.Plans.Profiles;

namespace WorkoutTracker.Domain.Tests.Plans;

public class PlanGeneratorTests
{
    [Theory]
    [InlineData(2, SplitKind.FullBody)]
    [InlineData(3, SplitKind.FullBody)]
    [InlineData(4, SplitKind.UpperLower)]
    [InlineData(5, SplitKind.UpperLowerPushPullLegs)]
    [InlineData(6, SplitKind.PushPullLegs)]
    public void Plan_has_one_day_per_training_day_each_with_exercises(int days, SplitKind split)
    {
        var plan = Generate(FullGym(days));

        Assert.Equal(split, plan.Split);
        Assert.Equal(Enumerable.Range(1, days), plan.Days.Select(d => d.DayNumber));
        Assert.All(plan.Days, d => Assert.InRange(d.Exercises.Count, 3, PlanVolume.MaxExercisesPerDay));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void No_exercise_appears_twice_in_a_day(int days) =>
        Assert.All(Generate(FullGym(days)).Days, d => Assert.Equal(d.Exercises.Count, d.Exercises.Select(e => e.ExerciseId).Distinct().Count()));

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Compounds_come_first_in_every_day(int days)
    {
        foreach (var day in Generate(FullGym(days)).Days)
        {
            var compound = day.Exercises.Select(e => Exercise(e.ExerciseId).IsCompound).ToList();
            Assert.Equal(compound.OrderByDescending(c => c), compound);
            Assert.Equal(ExerciseRole.Main, day.Exercises[0].Role);
        }
    }

    [Fact]
    public void Full_gym_main_lifts_are_the_staples()
    {
        var plan = Generate(FullGym(4));

        var mains = plan.Days.Select(d => d.Exercises.Where(e => e.Role == ExerciseRole.Main).Select(e => e.ExerciseId).ToList()).ToList();
        Assert.Equal(["barbell-bench-press", "barbell-row"], mains[0]);
        Assert.Equal(["barbell-back-squat"], mains[1]);
        Assert.Equal(["barbell-overhead-press", "pull-up"], mains[2]);
        Assert.Equal(["conventional-deadlift"], mains[3]);
    }

    [Fact]
    public void Day_focus_matches_the_split()
    {
        var plan = Generate(FullGym(5));

        Assert.Equal([DayFocus.Upper, DayFocus.Lower, DayFocus.Push, DayFocus.Pull, DayFocus.Legs], plan.Days.Select(d => d.Focus));
        var legs = plan.Days[4].Exercises.Where(e => e.Role != ExerciseRole.Accessory).Select(e => Exercise(e.ExerciseId).Pattern);
        Assert.All(legs, p => Assert.Contains(p, new[] { MovementPattern.Squat, MovementPattern.Hinge, MovementPattern.Lunge }));
    }

    public static TheoryData<string, Equipment[]> Kits => new()
    {
        { "bodyweight", [] },
        { "pull-up bar", [Equipment.PullUpBar] },
        { "dumbbells", [Equipment.Dumbbell] },
        { "dumbbells and bench", [Equipment.Dumbbell, Equipment.Bench] },
        { "kettlebells", [Equipment.Kettlebell] },
        { "home gym", [Equipment.Barbell, Equipment.SquatRack, Equipment.Bench, Equipment.Dumbbell, Equipment.PullUpBar] },
        { "machines and cables", [Equipment.Machine, Equipment.Cable] },
    };

    [Theory]
    [MemberData(nameof(Kits))]
    public void Every_exercise_needs_only_the_equipment_at_hand(string kit, Equipment[] equipment)
    {
        var have = equipment.Append(Equipment.Bodyweight).ToHashSet();
        for (var days = 2; days <= 6; days++)
        {
            var plan = Generate(FullGym(days) with { Equipment = equipment.ToHashSet() });

            Assert.All(plan.AllExercises(), e => Assert.True(
                Exercise(e.ExerciseId).Equipment.All(have.Contains), $"{kit}, {days} days: {e.ExerciseId} needs more"));
            Assert.All(plan.Days, d => Assert.NotEmpty(d.Exercises));
        }
    }

    [Fact]
    public void Bodyweight_only_plan_has_no_barbell_dumbbell_or_machine_work()
    {
        var plan = Generate(FullGym(3) with { Equipment = new HashSet<Equipment>() });

        Assert.All(plan.AllExercises(), e => Assert.Equal([Equipment.Bodyweight], Exercise(e.ExerciseId).Equipment));
        Assert.Contains("bodyweight-squat", plan.AllExercises().Select(e => e.ExerciseId));
        Assert.Contains("push-up", plan.AllExercises().Select(e => e.ExerciseId));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void No_muscle_group_is_left_untrained_in_a_full_gym_week_of_3_or_more_days(int days)
    {
        foreach (var (goal, experience) in GoalsAndLevels())
        {
            foreach (var minutes in new[] { 60, 75, 90, 120 })
            {
                var plan = Generate(FullGym(days, goal, experience, minutes));

                var trained = plan.AllExercises().SelectMany(e => Exercise(e.ExerciseId).PrimaryMuscles).ToHashSet();
                Assert.True(
                    Enum.GetValues<MuscleGroup>().All(trained.Contains),
                    $"{goal}/{experience}/{minutes} min: untrained {string.Join(", ", Enum.GetValues<MuscleGroup>().Where(m => !trained.Contains(m)))}");
                Assert.Empty(plan.UntrainedMuscles);
            }
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Four_or_more_days_of_45_minutes_still_train_every_muscle_group(int days)
    {
        foreach (var (goal, experience) in GoalsAndLevels())
        {
            Assert.Empty(Generate(FullGym(days, goal, experience, 45)).UntrainedMuscles);
        }
    }

    [Fact]
    public void Bodyweight_only_lists_the_muscles_no_bodyweight_exercise_trains()
    {
        var plan = Generate(FullGym(3) with { Equipment = new HashSet<Equipment>() });

        Assert.All(plan.UntrainedMuscles, u => Assert.Equal(UntrainedReason.NoExerciseForEquipment, u.Reason));
        Assert.Equal(
            [MuscleGroup.SideDelts, MuscleGroup.RearDelts, MuscleGroup.Biceps, MuscleGroup.Forearms, MuscleGroup.Lats, MuscleGroup.UpperBack, MuscleGroup.Traps, MuscleGroup.LowerBack],
            plan.UntrainedMuscles.Select(u => u.Muscle));
    }

    [Fact]
    public void A_pull_up_bar_brings_back_lats_upper_back_and_biceps()
    {
        var plan = Generate(FullGym(3) with { Equipment = new HashSet<Equipment> { Equipment.PullUpBar } });

        Assert.Equal(
            [MuscleGroup.SideDelts, MuscleGroup.RearDelts, MuscleGroup.Forearms, MuscleGroup.Traps, MuscleGroup.LowerBack],
            plan.UntrainedMuscles.Select(u => u.Muscle));
    }

    [Theory]
    [MemberData(nameof(Kits))]
    public void Untrained_muscles_are_exactly_those_without_a_primary_exercise_and_none_is_reported_wrongly(string kit, Equipment[] equipment)
    {
        var available = ExerciseCatalog.All.Where(e => e.Equipment.All(item => item == Equipment.Bodyweight || equipment.Contains(item))).ToList();
        foreach (var minutes in new[] { 20, 30, 60 })
        {
            var plan = Generate(FullGym(3, minutes: minutes) with { Equipment = equipment.ToHashSet() });

            var trained = plan.AllExercises().SelectMany(e => Exercise(e.ExerciseId).PrimaryMuscles).ToHashSet();
            var untrained = Enum.GetValues<MuscleGroup>().Where(m => !trained.Contains(m));
            Assert.Equal(untrained, plan.UntrainedMuscles.Select(u => u.Muscle));
            Assert.All(plan.UntrainedMuscles, u => Assert.Equal(
                available.Any(e => e.PrimaryMuscles.Contains(u.Muscle)) ? UntrainedReason.NoRoomInSessions : UntrainedReason.NoExerciseForEquipment,
                u.Reason));
            Assert.True(minutes < 60 || plan.UntrainedMuscles.All(u => u.Reason == UntrainedReason.NoExerciseForEquipment), kit);
        }
    }

    [Fact]
    public void Very_short_full_body_sessions_report_the_muscles_there_was_no_room_for()
    {
        var plan = Generate(FullGym(3, minutes: 30));

        Assert.NotEmpty(plan.UntrainedMuscles);
        Assert.All(plan.UntrainedMuscles, u => Assert.Equal(UntrainedReason.NoRoomInSessions, u.Reason));
    }

    [Fact]
    public void Two_day_weeks_cover_what_the_time_allows()
    {
        Assert.Empty(Generate(FullGym(2, minutes: 75)).UntrainedMuscles);
        Assert.NotEmpty(Generate(FullGym(2, minutes: 45)).UntrainedMuscles);
    }

    [Fact]
    public void Obliques_with_bodyweight_only_get_a_timed_side_plank()
    {
        var plan = Generate(FullGym(3) with { Equipment = new HashSet<Equipment>() });

        var sidePlank = Assert.Single(plan.AllExercises(), e => e.ExerciseId == "side-plank");
        Assert.Equal(TargetMeasure.Seconds, sidePlank.Measure);
        Assert.All(sidePlank.TargetSets, t => Assert.Equal((20, 40), (t.RepsMin, t.RepsMax)));
    }

    [Fact]
    public void Timed_exercises_are_only_used_when_nothing_counted_in_reps_fits()
    {
        var plan = Generate(FullGym(4));

        Assert.All(plan.AllExercises(), e => Assert.Equal(TargetMeasure.Reps, e.Measure));
    }

    [Fact]
    public void Profile_out_of_range_is_a_validation_error()
    {
        Assert.Equal("daysPerWeek", Assert.Throws<ValidationException>(() => Generate(FullGym(1))).Field);
        Assert.Equal("daysPerWeek", Assert.Throws<ValidationException>(() => Generate(FullGym(7))).Field);
        Assert.Equal("sessionMinutes", Assert.Throws<ValidationException>(() => Generate(FullGym(3, minutes: 10))).Field);
        Assert.Equal("loading", Assert.Throws<ValidationException>(() => Generate(FullGym() with { Loading = LoadingSetup.DefaultLb })).Field);
        Assert.Equal("deload", Assert.Throws<ValidationException>(() => Generate(FullGym() with { Deload = new DeloadSchedule(1, Week) })).Field);
    }

    [Fact]
    public void Plan_starts_on_the_monday_of_the_iso_week()
    {
        var plan = Generate(FullGym(), new DateOnly(2026, 3, 8)); // a Sunday

        Assert.Equal(new DateOnly(2026, 3, 2), plan.WeekStart);
        Assert.Equal((2026, 10), (plan.IsoYear, plan.IsoWeek));
    }

    [Fact]
    public void Iso_week_belongs_to_the_iso_year_at_new_year()
    {
        var plan = Generate(FullGym(), new DateOnly(2027, 1, 1)); // a Friday in 2026-W53

        Assert.Equal((new DateOnly(2026, 12, 28), 2026, 53), (plan.WeekStart, plan.IsoYear, plan.IsoWeek));
    }
}
