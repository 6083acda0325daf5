using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Progression.Schemes;
using static WorkoutTracker.Domain.Tests.Progression.Build;

namespace WorkoutTracker.Domain.Tests.Progression;

public class DoubleProgressionTests
{
    private static readonly DoubleProgression _eightToTwelve = new() { RepsMin = 8, RepsMax = 12, Increment = LoadChange.Absolute(2.5m) };

    [Fact]
    public void Double_progression_success_at_8_raises_the_target_to_9_at_the_same_load()
    {
        var progress = Progress(_eightToTwelve, 60m, targetReps: 8);

        var next = AdvanceTimes(progress, 1, _ => Sets(60m, 8, 8, 8));

        Assert.Equal(9, next.TargetReps);
        Assert.Equal(60m, next.Load);
    }

    [Fact]
    public void Double_progression_at_top_of_8_to_12_adds_load_and_returns_to_8_reps()
    {
        var progress = Progress(_eightToTwelve, 60m, targetReps: 12);

        var next = AdvanceTimes(progress, 1, _ => Sets(60m, 12, 12, 12));

        Assert.Equal(62.5m, next.Load);
        Assert.Equal(8, next.TargetReps);
    }

    [Fact]
    public void Double_progression_climbs_8_9_10_11_12_then_adds_load()
    {
        var progress = Progress(_eightToTwelve, 60m, targetReps: 8);
        var targets = new List<int>();

        for (var session = 0; session < 5; session++)
        {
            progress = AdvanceTimes(progress, 1, p => Sets(p.Load, p.TargetReps, p.TargetReps, p.TargetReps));
            targets.Add(progress.TargetReps);
        }

        Assert.Equal([9, 10, 11, 12, 8], targets);
        Assert.Equal(62.5m, progress.Load);
    }

    [Fact]
    public void Double_progression_a_failed_set_keeps_target_and_load()
    {
        var progress = Progress(_eightToTwelve, 60m, targetReps: 10);

        var next = AdvanceTimes(progress, 1, _ => Sets(60m, 10, 10, 9));

        Assert.Equal(10, next.TargetReps);
        Assert.Equal(60m, next.Load);
        Assert.Equal(1, next.ConsecutiveFailures);
    }

    [Fact]
    public void Double_progression_one_set_at_the_top_is_not_enough_to_add_load()
    {
        var progress = Progress(_eightToTwelve, 60m, targetReps: 11);

        var next = AdvanceTimes(progress, 1, _ => Sets(60m, 12, 11, 11));

        Assert.Equal(12, next.TargetReps);
        Assert.Equal(60m, next.Load);
    }

    [Fact]
    public void Double_progression_every_set_already_at_the_top_adds_load_straight_away()
    {
        var progress = Progress(_eightToTwelve, 60m, targetReps: 9);

        var next = AdvanceTimes(progress, 1, _ => Sets(60m, 12, 13, 12));

        Assert.Equal(62.5m, next.Load);
        Assert.Equal(8, next.TargetReps);
    }

    [Fact]
    public void Double_progression_prescribes_current_target_to_top_of_range()
    {
        var progress = Progress(_eightToTwelve with { TargetRpe = 8m }, 60m, targetReps: 10);

        var targets = ProgressionEngine.Prescribe(progress, 3);

        Assert.Equal(3, targets.Count);
        Assert.All(targets, t => Assert.Equal((10, 12, 60m, (decimal?)8m), (t.RepsMin, t.RepsMax, t.Load, t.Rpe)));
        Assert.Equal([1, 2, 3], targets.Select(t => t.SetNumber));
    }

    [Fact]
    public void Double_progression_with_dumbbells_in_pounds_adds_5_lb_per_hand()
    {
        var progress = Progress(new DoubleProgression { RepsMin = 8, RepsMax = 12 }, 40m, targetReps: 12, implement: LoadImplement.Dumbbell, unit: WeightUnit.Lb);

        Assert.Equal(45m, AdvanceTimes(progress, 1, _ => Sets(40m, 12, 12, 12)).Load);
    }

    [Fact]
    public void Double_progression_in_seconds_climbs_by_the_rep_step()
    {
        var plank = new DoubleProgression { RepsMin = 20, RepsMax = 40, RepStep = 5 };
        var progress = Progress(plank, 0m, targetReps: 35, implement: LoadImplement.Bodyweight, exerciseId: "plank");

        var next = AdvanceTimes(progress, 1, _ => Sets(0m, 36, 35, 35));
        Assert.Equal(40, next.TargetReps);

        var top = AdvanceTimes(next, 1, _ => Sets(0m, 40, 40, 40));
        Assert.Equal(20, top.TargetReps);
        Assert.Equal(2.5m, top.Load);
    }

    [Fact]
    public void Double_progression_a_target_outside_the_range_is_clamped()
    {
        var progress = Progress(_eightToTwelve, 60m, targetReps: 3);

        Assert.Equal(8, ProgressionEngine.Prescribe(progress, 1)[0].RepsMin);
        Assert.Equal(9, AdvanceTimes(progress, 1, _ => Sets(60m, 8, 8, 8)).TargetReps);
    }

    [Fact]
    public void Double_progression_with_min_above_max_is_rejected() =>
        Assert.Throws<ArgumentException>(() => ProgressionEngine.Prescribe(Progress(new DoubleProgression { RepsMin = 12, RepsMax = 8 }, 60m), 3));
}
