using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Progression.Schemes;
using static WorkoutTracker.Domain.Tests.Progression.Build;

namespace WorkoutTracker.Domain.Tests.Progression;

public class SessionReviewTests
{
    private static readonly ExerciseProgress _threeByFive = Progress(new LinearProgression { Reps = 5, TargetRpe = 8m }, 100m);

    private static SessionReview Review(params PerformedSet[] sets) => ProgressionEngine.Review(_threeByFive, Outcome(_threeByFive, 3, sets));

    [Fact]
    public void Every_work_set_meeting_its_target_is_a_success()
    {
        var review = Review(Sets(100m, 5, 6, 5));

        Assert.True(review.IsSuccess);
        Assert.Equal((3, 3, 5), (review.SetsPrescribed, review.SetsMet, review.MinRepsOfPrescribedSets));
    }

    [Fact]
    public void One_set_short_of_reps_is_a_failure()
    {
        var review = Review(Sets(100m, 5, 5, 4));

        Assert.False(review.IsSuccess);
        Assert.Equal(2, review.SetsMet);
    }

    [Fact]
    public void A_missing_work_set_is_a_failure() => Assert.False(Review(Sets(100m, 6, 6)).IsSuccess);

    [Fact]
    public void A_lighter_load_than_prescribed_is_a_failure() => Assert.False(Review(Sets(97.5m, 5, 5, 5)).IsSuccess);

    [Fact]
    public void A_heavier_load_than_prescribed_still_meets_the_target() => Assert.True(Review(Sets(102.5m, 5, 5, 5)).IsSuccess);

    [Fact]
    public void Warmup_sets_are_not_work_sets()
    {
        PerformedSet[] sets =
        [
            new(20m, 10, IsWarmup: true), new(60m, 3, IsWarmup: true),
            new(100m, 5), new(100m, 5), new(100m, 5),
        ];

        var review = Review(sets);

        Assert.True(review.IsSuccess);
        Assert.Equal(116.67m, review.BestE1rm);
    }

    [Fact]
    public void Warmups_do_not_fill_in_for_missing_work_sets()
    {
        PerformedSet[] sets = [new(100m, 5, IsWarmup: true), new(100m, 5), new(100m, 5)];

        Assert.False(Review(sets).IsSuccess);
    }

    [Fact]
    public void Extra_work_sets_beyond_the_targets_do_not_fail_the_session_but_count_for_e1rm()
    {
        var review = Review(Sets(100m, 5, 5, 5, 2).Append(new PerformedSet(90m, 12)).ToArray());

        Assert.True(review.IsSuccess);
        Assert.Equal(126m, review.BestE1rm); // the extra 90 × 12: 90 × (1 + 12/30)
    }

    [Fact]
    public void Rpe_above_a_linear_schemes_guide_rpe_does_not_fail_it() =>
        Assert.True(Review(RatedSets(100m, 9.5m, 5, 5, 5)).IsSuccess);

    [Fact]
    public void Rpe_above_an_rpe_schemes_target_fails_it()
    {
        var progress = Progress(new RpeProgression { Reps = 5, TargetRpe = 8m }, 100m);

        var review = ProgressionEngine.Review(progress, Outcome(progress, 3, new(100m, 5, 8m), new(100m, 5, 8m), new(100m, 5, 8.5m)));

        Assert.False(review.IsSuccess);
        Assert.Equal(2, review.SetsMet);
    }

    [Fact]
    public void Outcome_for_another_exercise_is_rejected() =>
        Assert.Throws<ArgumentException>(() => ProgressionEngine.Advance(
            _threeByFive, Outcome(_threeByFive, 3, Sets(100m, 5, 5, 5)) with { ExerciseId = "barbell-bench-press" }));

    [Fact]
    public void Outcome_without_targets_is_rejected() =>
        Assert.Throws<ArgumentException>(() => ProgressionEngine.Advance(
            _threeByFive, new SessionOutcome(Squat, WeightUnit.Kg, [], Sets(100m, 5))));

    [Fact]
    public void A_session_with_no_reps_keeps_the_last_e1rm()
    {
        var progress = _threeByFive with { LastE1rm = 120m };

        var next = ProgressionEngine.Advance(progress, Outcome(progress, 3, Sets(100m, 0, 0, 0)));

        Assert.Equal(120m, next.LastE1rm);
        Assert.Equal(1, next.ConsecutiveFailures);
    }
}
