using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Domain.Tests.Progression;

public class OneRepMaxTests
{
    [Fact]
    public void Epley_100_kg_for_5_reps_without_rpe_is_116_67() => Assert.Equal(116.67m, OneRepMax.Estimate(100m, 5));

    [Fact]
    public void Epley_100_kg_for_10_reps_is_133_33() => Assert.Equal(133.33m, OneRepMax.Estimate(100m, 10));

    [Fact]
    public void A_single_without_rpe_is_its_own_max() => Assert.Equal(140m, OneRepMax.Estimate(140m, 1));

    [Fact]
    public void With_rpe_100_kg_for_8_at_rpe_8_is_135_32_from_the_chart() => Assert.Equal(135.32m, OneRepMax.Estimate(100m, 8, 8m));

    [Fact]
    public void A_single_at_rpe_9_is_load_divided_by_0_955() => Assert.Equal(146.60m, OneRepMax.Estimate(140m, 1, 9m));

    [Fact]
    public void Rpe_outside_the_chart_uses_epley_on_reps_plus_reps_in_reserve()
    {
        // 15 reps is past the chart: 15 done + 2 in reserve = 17 → 60 × (1 + 17/30) = 94.
        Assert.Equal(94m, OneRepMax.Estimate(60m, 15, 8m));

        // RPE 5 is below the chart: 5 reps + 5 in reserve → 100 × (1 + 10/30).
        Assert.Equal(133.33m, OneRepMax.Estimate(100m, 5, 5m));
    }

    [Fact]
    public void A_rated_set_below_failure_estimates_higher_than_the_same_set_unrated()
    {
        // Unrated is read as a set to failure (RPE 10): the conservative estimate.
        Assert.True(OneRepMax.Estimate(100m, 5, 8m) > OneRepMax.Estimate(100m, 5));
        Assert.Equal(115.87m, OneRepMax.Estimate(100m, 5, 10m));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void No_reps_estimate_nothing(int reps) => Assert.Equal(0m, OneRepMax.Estimate(100m, reps, 8m));

    [Fact]
    public void Load_for_5_at_rpe_8_from_an_e1rm_of_150_is_121_65() => Assert.Equal(121.65m, OneRepMax.LoadFor(150m, 5, 8m));

    [Fact]
    public void Best_e1rm_over_a_history_ignores_warmups()
    {
        PerformedSet[] history = [new(100m, 5), new(100m, 3, 8m), new(130m, 3, IsWarmup: true)];

        Assert.Equal(116.67m, OneRepMax.Best(history));
        Assert.Null(OneRepMax.Best([new PerformedSet(100m, 5, IsWarmup: true)]));
    }
}
