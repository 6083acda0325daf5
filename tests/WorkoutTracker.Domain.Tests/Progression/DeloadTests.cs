using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Progression.Schemes;
using static WorkoutTracker.Domain.Tests.Progression.Build;

namespace WorkoutTracker.Domain.Tests.Progression;

public class DeloadTests
{
    private static readonly DoubleProgression _withDeload = new()
    {
        RepsMin = 8,
        RepsMax = 12,
        Deload = new DeloadRule { AfterFailures = 3, ReductionPercent = 10m },
    };

    [Fact]
    public void Deload_after_3_failures_takes_10_percent_off_100_kg_giving_90()
    {
        var progress = Progress(_withDeload, 100m, targetReps: 10);

        var afterTwo = AdvanceTimes(progress, 2, _ => Sets(100m, 10, 9, 8));
        Assert.Equal(100m, afterTwo.Load);

        var afterThree = AdvanceTimes(afterTwo, 1, _ => Sets(100m, 10, 9, 8));
        Assert.Equal(90m, afterThree.Load);
        Assert.Equal(0, afterThree.ConsecutiveFailures);
        Assert.Equal(10, afterThree.TargetReps);
    }

    [Fact]
    public void Deload_counts_only_failures_in_a_row()
    {
        var progress = Progress(_withDeload, 100m, targetReps: 10);

        var next = AdvanceTimes(progress, 2, _ => Sets(100m, 9, 9, 9));
        next = AdvanceTimes(next, 1, p => Sets(100m, p.TargetReps, p.TargetReps, p.TargetReps));
        next = AdvanceTimes(next, 2, _ => Sets(100m, 9, 9, 9));

        Assert.Equal(100m, next.Load);
        Assert.Equal(2, next.ConsecutiveFailures);
    }

    [Fact]
    public void Deload_of_20_percent_on_102_5_kg_rounds_to_82_5()
    {
        // 102.5 × 0.8 = 82, which rounds to 82.5.
        var progress = Progress(_withDeload with { Deload = new DeloadRule { AfterFailures = 2, ReductionPercent = 20m } }, 102.5m, targetReps: 10);

        Assert.Equal(82.5m, AdvanceTimes(progress, 2, _ => Sets(102.5m, 5, 5, 5)).Load);
    }

    [Fact]
    public void Deload_never_goes_below_the_empty_bar()
    {
        var progress = Progress(_withDeload, 22.5m, targetReps: 10);

        Assert.Equal(20m, AdvanceTimes(progress, 3, _ => Sets(22.5m, 5, 5, 5)).Load);
        Assert.Equal(20m, AdvanceTimes(progress with { Load = 20m }, 3, _ => Sets(20m, 5, 5, 5)).Load);
    }

    [Fact]
    public void Deload_on_rpe_scheme_applies_after_the_e1rm_prescription()
    {
        // 100 × 4 @ 10 → e1RM 112.11 → 5 @ 8: 90.92 → 90; the third failure in a row takes 10 % more: 81 → 80.
        var scheme = new RpeProgression { Reps = 5, TargetRpe = 8m, Deload = new DeloadRule() };
        var progress = Progress(scheme, 100m) with { ConsecutiveFailures = 2 };

        var next = ProgressionEngine.Advance(progress, Outcome(progress, 1, new PerformedSet(100m, 4, 10m)));

        Assert.Equal(80m, next.Load);
    }

    [Fact]
    public void Scheduled_deload_week_prescribes_10_percent_less_without_changing_progress()
    {
        var progress = Progress(_withDeload, 100m, targetReps: 10);

        var targets = ProgressionEngine.Prescribe(progress, 3, deloadPercent: 10m);

        Assert.All(targets, t => Assert.Equal(90m, t.Load));
        Assert.Equal(100m, progress.Load);
    }

    [Fact]
    public void Scheduled_deload_week_session_does_not_move_the_progression()
    {
        var progress = Progress(_withDeload, 100m, targetReps: 12);
        var outcome = new SessionOutcome(Squat, WeightUnit.Kg, ProgressionEngine.Prescribe(progress, 3, 10m), Sets(90m, 12, 12, 12), WasDeloadWeek: true);

        var next = ProgressionEngine.Advance(progress, outcome);

        Assert.Same(progress, next);
    }

    [Fact]
    public void Scheduled_deload_in_pounds_rounds_to_5_lb()
    {
        // 225 × 0.9 = 202.5 → halfway between 200 and 205 → 200.
        var progress = Progress(_withDeload, 225m, unit: WeightUnit.Lb);

        Assert.Equal(200m, ProgressionEngine.Prescribe(progress, 1, 10m)[0].Load);
    }

    [Fact]
    public void Scheduled_deload_on_the_empty_bar_stays_on_the_empty_bar() =>
        Assert.Equal(20m, ProgressionEngine.Prescribe(Progress(_withDeload, 20m), 1, 10m)[0].Load);

    [Fact]
    public void Invalid_deload_rule_is_rejected() =>
        Assert.Throws<ArgumentException>(() => ProgressionEngine.Prescribe(
            Progress(_withDeload with { Deload = new DeloadRule { ReductionPercent = 100m } }, 100m), 3));
}
