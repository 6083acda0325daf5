using System.Text.Json;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Progression.Schemes;
using static WorkoutTracker.Domain.Tests.Progression.Build;

namespace WorkoutTracker.Domain.Tests.Progression;

public class ProgressionEngineTests
{
    private static Exercise Catalog(string id) => ExerciseCatalog.All.Single(e => e.Id == id);

    [Theory]
    [InlineData("barbell-back-squat", ExperienceLevel.Beginner, WeightUnit.Kg, 20.0)]
    [InlineData("barbell-back-squat", ExperienceLevel.Intermediate, WeightUnit.Kg, 60.0)]
    [InlineData("barbell-back-squat", ExperienceLevel.Advanced, WeightUnit.Lb, 180.0)]
    [InlineData("barbell-bench-press", ExperienceLevel.Intermediate, WeightUnit.Lb, 95.0)]
    [InlineData("ez-bar-curl", ExperienceLevel.Intermediate, WeightUnit.Kg, 20.0)]
    [InlineData("trap-bar-deadlift", ExperienceLevel.Beginner, WeightUnit.Kg, 25.0)]
    [InlineData("dumbbell-lateral-raise", ExperienceLevel.Beginner, WeightUnit.Kg, 4.0)]
    [InlineData("dumbbell-bench-press", ExperienceLevel.Intermediate, WeightUnit.Lb, 35.0)]
    [InlineData("kettlebell-swing", ExperienceLevel.Intermediate, WeightUnit.Kg, 16.0)]
    [InlineData("kettlebell-swing", ExperienceLevel.Advanced, WeightUnit.Lb, 53.0)]
    [InlineData("leg-press", ExperienceLevel.Beginner, WeightUnit.Kg, 40.0)]
    [InlineData("lat-pulldown", ExperienceLevel.Advanced, WeightUnit.Lb, 110.0)]
    [InlineData("pull-up", ExperienceLevel.Advanced, WeightUnit.Kg, 0.0)]
    public void Starting_load_is_conservative_by_experience_and_implement(string exerciseId, ExperienceLevel experience, WeightUnit unit, decimal expected)
    {
        var progress = ExerciseProgress.Start(Catalog(exerciseId), new DoubleProgression { RepsMin = 8, RepsMax = 12 }, experience, unit);

        Assert.Equal(expected, progress.Load);
    }

    [Fact]
    public void Starting_load_for_the_advanced_squat_in_pounds_is_rounded_to_the_bar()
    {
        // 45 + 135 = 180 lb: already loadable.
        Assert.Equal(180m, StartingLoads.For(Catalog("barbell-back-squat"), ExperienceLevel.Advanced, WeightUnit.Lb));
    }

    [Fact]
    public void Starting_load_uses_the_athletes_own_bar()
    {
        var setup = LoadingSetup.DefaultKg with { BarWeight = 15m };

        var progress = ExerciseProgress.Start(Catalog("barbell-back-squat"), new LinearProgression { Reps = 5 }, ExperienceLevel.Beginner, WeightUnit.Kg, setup);

        Assert.Equal(15m, progress.Load);
    }

    [Fact]
    public void Loads_carry_no_trailing_zeros() =>
        Assert.Equal("60", LoadRounding.Round(60.004m, LoadImplement.Barbell, LoadingSetup.DefaultKg).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Start_begins_at_the_schemes_starting_reps_with_no_history()
    {
        var progress = ExerciseProgress.Start(Catalog("barbell-bench-press"), new DoubleProgression { RepsMin = 8, RepsMax = 12 }, ExperienceLevel.Beginner, WeightUnit.Kg);

        Assert.Equal(("barbell-bench-press", LoadImplement.Barbell, 8, 0, 0, 0), (progress.ExerciseId, progress.Implement, progress.TargetReps, progress.ConsecutiveSuccesses, progress.ConsecutiveFailures, progress.Version));
        Assert.Null(progress.LastE1rm);
    }

    [Fact]
    public void Set_load_rounds_the_override_and_restarts_streaks()
    {
        var progress = Progress(new LinearProgression { Reps = 5 }, 20m) with { ConsecutiveFailures = 2, Version = 4 };

        var next = ProgressionEngine.SetLoad(progress, 81m);

        Assert.Equal((80m, 0, 5), (next.Load, next.ConsecutiveFailures, next.Version));
    }

    [Fact]
    public void Converting_a_kg_progress_to_lb_rounds_the_load_and_converts_absolute_amounts()
    {
        var progress = Progress(new LinearProgression { Reps = 5, Increment = LoadChange.Absolute(2.5m) }, 100m) with { LastE1rm = 120m };

        var inPounds = ProgressionEngine.ConvertTo(progress, WeightUnit.Lb);

        Assert.Equal((WeightUnit.Lb, 220m, (decimal?)264.55m), (inPounds.Unit, inPounds.Load, inPounds.LastE1rm));
        Assert.Equal(5.51m, Math.Round(((LinearProgression)inPounds.Scheme).Increment.Amount, 2));
        Assert.Equal(progress.Version, inPounds.Version);
    }

    [Fact]
    public void Setup_in_the_wrong_unit_is_rejected() =>
        Assert.Throws<ArgumentException>(() => ProgressionEngine.Prescribe(Progress(new LinearProgression { Reps = 5 }, 100m), 3, setup: LoadingSetup.DefaultLb));

    [Fact]
    public void Prescribing_zero_sets_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProgressionEngine.Prescribe(Progress(new LinearProgression { Reps = 5 }, 100m), 0));

    [Fact]
    public void Advance_never_changes_the_given_progress()
    {
        var progress = Progress(new LinearProgression { Reps = 5 }, 100m);

        var next = ProgressionEngine.Advance(progress, Outcome(progress, 3, Sets(100m, 5, 5, 5)));

        Assert.Equal((100m, 0), (progress.Load, progress.Version));
        Assert.Equal((102.5m, 1), (next.Load, next.Version));
    }

    [Fact]
    public void Custom_setup_with_fractional_plates_adds_1_kg()
    {
        var setup = LoadingSetup.DefaultKg with { SmallestPlatePerSide = 0.5m };
        var progress = Progress(new LinearProgression { Reps = 5 }, 100m);

        Assert.Equal(101m, ProgressionEngine.Advance(progress, Outcome(progress, 3, Sets(100m, 5, 5, 5)), setup).Load);
    }

    [Fact]
    public void Schemes_round_trip_through_json_with_a_kind_discriminator()
    {
        ProgressionScheme[] schemes =
        [
            new LinearProgression { Reps = 5, Increment = LoadChange.Absolute(2.5m), SuccessesToIncrease = 3, TargetRpe = 8m },
            new DoubleProgression { RepsMin = 8, RepsMax = 12, RepStep = 2, Deload = new DeloadRule { AfterFailures = 4 } },
            new RpeProgression { Reps = 3, TargetRpe = 8.5m },
        ];

        foreach (var scheme in schemes)
        {
            var json = JsonSerializer.Serialize(scheme);
            var back = JsonSerializer.Deserialize<ProgressionScheme>(json);

            Assert.Equal(scheme, back);
            Assert.StartsWith("{\"kind\":", json, StringComparison.Ordinal);
        }
    }
}
