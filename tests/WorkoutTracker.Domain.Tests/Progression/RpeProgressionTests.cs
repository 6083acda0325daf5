using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Progression.Schemes;
using static WorkoutTracker.Domain.Tests.Progression.Build;

namespace WorkoutTracker.Domain.Tests.Progression;

public class RpeProgressionTests
{
    private static readonly RpeProgression _fiveAtEight = new() { Reps = 5, TargetRpe = 8m, Deload = new DeloadRule() };

    [Fact]
    public void Rpe_5_at_rpe_7_on_100_kg_prescribes_102_5_kg_for_5_at_8()
    {
        // e1RM 100 / 0.786 = 127.23; 127.23 × 0.811 = 103.18 → 102.5.
        var progress = Progress(_fiveAtEight, 100m);

        var next = AdvanceTimes(progress, 1, _ => RatedSets(100m, 7m, 5, 5, 5));

        Assert.Equal(102.5m, next.Load);
        Assert.Equal(127.23m, next.LastE1rm);
        Assert.Equal(1, next.ConsecutiveSuccesses);
    }

    [Fact]
    public void Rpe_5_at_rpe_9_on_100_kg_fails_and_prescribes_97_5_kg()
    {
        // e1RM 100 / 0.837 = 119.47; 119.47 × 0.811 = 96.89 → 97.5.
        var progress = Progress(_fiveAtEight, 100m);

        var next = AdvanceTimes(progress, 1, _ => RatedSets(100m, 9m, 5, 5, 5));

        Assert.Equal(97.5m, next.Load);
        Assert.Equal(1, next.ConsecutiveFailures);
    }

    [Fact]
    public void Rpe_exactly_on_target_keeps_the_load()
    {
        var progress = Progress(_fiveAtEight, 100m);

        var next = AdvanceTimes(progress, 1, _ => RatedSets(100m, 8m, 5, 5, 5));

        Assert.Equal(100m, next.Load);
        Assert.True(ProgressionEngine.Review(progress, Outcome(progress, 3, RatedSets(100m, 8m, 5, 5, 5))).IsSuccess);
    }

    [Fact]
    public void Rpe_prescription_uses_the_best_rated_set()
    {
        var progress = Progress(_fiveAtEight, 100m);
        PerformedSet[] sets = [new(100m, 5, 7m), new(100m, 5, 8m), new(100m, 5, 9m)];

        var next = ProgressionEngine.Advance(progress, Outcome(progress, 3, sets));

        Assert.Equal(102.5m, next.Load);
    }

    [Fact]
    public void Rpe_missing_on_every_set_keeps_the_load_and_judges_on_reps()
    {
        var progress = Progress(_fiveAtEight, 100m);

        var next = AdvanceTimes(progress, 1, _ => Sets(100m, 5, 5, 5));

        Assert.Equal(100m, next.Load);
        Assert.Equal(1, next.ConsecutiveSuccesses);
        Assert.Equal(116.67m, next.LastE1rm); // Epley, for the record
    }

    [Fact]
    public void Rpe_unrated_sets_do_not_move_the_load_but_rated_ones_do()
    {
        var progress = Progress(_fiveAtEight, 100m);
        PerformedSet[] sets = [new(100m, 5), new(100m, 5, 7m), new(100m, 5)];

        Assert.Equal(102.5m, ProgressionEngine.Advance(progress, Outcome(progress, 3, sets)).Load);
    }

    [Fact]
    public void Rpe_missed_reps_fail_even_at_a_low_rpe()
    {
        var progress = Progress(_fiveAtEight, 100m);

        var review = ProgressionEngine.Review(progress, Outcome(progress, 3, RatedSets(100m, 7m, 5, 5, 4)));

        Assert.False(review.IsSuccess);
        Assert.Equal(2, review.SetsMet);
    }

    [Fact]
    public void Rpe_prescribes_reps_at_target_rpe()
    {
        var targets = ProgressionEngine.Prescribe(Progress(_fiveAtEight, 102.5m), 4);

        Assert.All(targets, t => Assert.Equal((5, 5, 102.5m, (decimal?)8m), (t.RepsMin, t.RepsMax, t.Load, t.Rpe)));
    }

    [Fact]
    public void Rpe_in_pounds_rounds_to_5_lb()
    {
        // e1RM 225 / 0.786 = 286.26; × 0.811 = 232.16 → 230.
        var progress = Progress(_fiveAtEight, 225m, unit: WeightUnit.Lb);

        Assert.Equal(230m, AdvanceTimes(progress, 1, _ => RatedSets(225m, 7m, 5, 5, 5)).Load);
    }

    [Fact]
    public void Rpe_outcome_logged_in_pounds_advances_a_kilogram_progress()
    {
        // 225 lb = 102.06 kg × 5 @ 7 → e1RM 129.85 kg → 105.31 → 105 kg.
        var progress = Progress(_fiveAtEight, 100m);
        var outcome = new SessionOutcome(
            Squat, WeightUnit.Lb, [new TargetSet(1, 5, 5, 220m, 8m)], [new PerformedSet(225m, 5, 7m)]);

        var next = ProgressionEngine.Advance(progress, outcome);

        Assert.Equal(105m, next.Load);
        Assert.Equal(129.85m, next.LastE1rm);
    }

    [Fact]
    public void Rpe_scheme_needs_a_target_rpe_inside_the_chart()
    {
        Assert.Throws<ArgumentException>(() => ProgressionEngine.Prescribe(Progress(new RpeProgression { Reps = 5 }, 100m), 3));
        Assert.Throws<ArgumentException>(() => ProgressionEngine.Prescribe(Progress(new RpeProgression { Reps = 15, TargetRpe = 8m }, 100m), 3));
    }
}
