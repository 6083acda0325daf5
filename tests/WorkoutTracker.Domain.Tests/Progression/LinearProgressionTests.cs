using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Progression.Schemes;
using static WorkoutTracker.Domain.Tests.Progression.Build;

namespace WorkoutTracker.Domain.Tests.Progression;

public class LinearProgressionTests
{
    private static readonly LinearProgression _plus2_5After3 = new()
    {
        Reps = 5,
        Increment = LoadChange.Absolute(2.5m),
        SuccessesToIncrease = 3,
        Decrement = LoadChange.Percent(10m),
        FailuresToDecrease = 3,
    };

    [Fact]
    public void Linear_after_3_successes_adds_2_5_kg_to_100_kg_giving_102_5()
    {
        var progress = Progress(_plus2_5After3, 100m);

        var afterTwo = AdvanceTimes(progress, 2, _ => Sets(100m, 5, 5, 5));
        Assert.Equal(100m, afterTwo.Load);
        Assert.Equal(2, afterTwo.ConsecutiveSuccesses);

        var afterThree = AdvanceTimes(afterTwo, 1, _ => Sets(100m, 5, 5, 5));
        Assert.Equal(102.5m, afterThree.Load);
        Assert.Equal(0, afterThree.ConsecutiveSuccesses);
        Assert.Equal(5, afterThree.TargetReps);
        Assert.Equal(3, afterThree.Version);
    }

    [Fact]
    public void Linear_after_1_success_with_one_step_adds_5_lb_to_225_lb_giving_230()
    {
        var progress = Progress(new LinearProgression { Reps = 5 }, 225m, unit: WeightUnit.Lb);

        var next = AdvanceTimes(progress, 1, _ => Sets(225m, 5, 5, 5));

        Assert.Equal(230m, next.Load);
    }

    [Fact]
    public void Linear_after_3_failures_takes_10_percent_off_100_kg_giving_90()
    {
        var progress = Progress(_plus2_5After3, 100m);

        var afterTwo = AdvanceTimes(progress, 2, _ => Sets(100m, 5, 5, 4));
        Assert.Equal(100m, afterTwo.Load);
        Assert.Equal(2, afterTwo.ConsecutiveFailures);

        var afterThree = AdvanceTimes(afterTwo, 1, _ => Sets(100m, 5, 4, 3));
        Assert.Equal(90m, afterThree.Load);
        Assert.Equal(0, afterThree.ConsecutiveFailures);
    }

    [Fact]
    public void Linear_a_failure_in_between_restarts_the_success_streak()
    {
        var progress = Progress(_plus2_5After3, 100m);

        var next = AdvanceTimes(progress, 2, _ => Sets(100m, 5, 5, 5));
        next = AdvanceTimes(next, 1, _ => Sets(100m, 5, 5, 2));
        next = AdvanceTimes(next, 2, _ => Sets(100m, 5, 5, 5));

        Assert.Equal(100m, next.Load);
        Assert.Equal(2, next.ConsecutiveSuccesses);
    }

    [Fact]
    public void Linear_percent_increment_of_2_5_percent_on_100_kg_gives_102_5() =>
        Assert.Equal(102.5m, AdvanceTimes(
            Progress(new LinearProgression { Reps = 5, Increment = LoadChange.Percent(2.5m) }, 100m), 1, _ => Sets(100m, 5, 5, 5)).Load);

    [Fact]
    public void Linear_percent_increment_too_small_to_load_still_moves_one_step()
    {
        // +2 % of 40 kg is 40.8 kg, which rounds back to 40: the rule moves one plate pair instead.
        var progress = Progress(new LinearProgression { Reps = 5, Increment = LoadChange.Percent(2m) }, 40m);

        Assert.Equal(42.5m, AdvanceTimes(progress, 1, _ => Sets(40m, 5, 5, 5)).Load);
    }

    [Fact]
    public void Linear_decrease_never_goes_below_the_empty_bar()
    {
        var progress = Progress(_plus2_5After3, 20m);

        var next = AdvanceTimes(progress, 3, _ => Sets(20m, 3, 3, 3));

        Assert.Equal(20m, next.Load);
    }

    [Fact]
    public void Linear_without_a_decrement_keeps_the_load_after_failures()
    {
        var progress = Progress(_plus2_5After3 with { Decrement = null }, 100m);

        var next = AdvanceTimes(progress, 5, _ => Sets(100m, 4, 4, 4));

        Assert.Equal(100m, next.Load);
        Assert.Equal(5, next.ConsecutiveFailures);
    }

    [Fact]
    public void Linear_with_kettlebells_moves_to_the_next_bell()
    {
        var progress = Progress(new LinearProgression { Reps = 10 }, 16m, implement: LoadImplement.Kettlebell);

        Assert.Equal(20m, AdvanceTimes(progress, 1, _ => Sets(16m, 10, 10, 10)).Load);
    }

    [Fact]
    public void Linear_invalid_parameters_are_rejected()
    {
        var valid = Progress(_plus2_5After3, 100m);
        var outcome = Outcome(valid, 3, Sets(100m, 5, 5, 5));

        Assert.Throws<ArgumentException>(() => ProgressionEngine.Advance(valid with { Scheme = _plus2_5After3 with { SuccessesToIncrease = 0 } }, outcome));
        Assert.Throws<ArgumentException>(() => ProgressionEngine.Advance(valid with { Scheme = _plus2_5After3 with { Increment = LoadChange.Absolute(-1m) } }, outcome));
    }
}
