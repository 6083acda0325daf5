using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Domain.Tests.Progression;

public class RpeTableTests
{
    [Fact]
    public void Rpe_table_8_reps_at_rpe_8_is_0_739_of_e1rm() => Assert.Equal(0.739m, RpeTable.PercentOfMax(8, 8m));

    [Theory]
    [InlineData(1, 10.0, 1.000)]
    [InlineData(1, 9.0, 0.955)]
    [InlineData(3, 8.0, 0.863)]
    [InlineData(5, 8.0, 0.811)]
    [InlineData(5, 7.0, 0.786)]
    [InlineData(5, 9.0, 0.837)]
    [InlineData(10, 10.0, 0.739)]
    [InlineData(12, 10.0, 0.680)]
    [InlineData(1, 6.0, 0.863)]
    [InlineData(12, 6.0, 0.573)]
    [InlineData(4, 7.5, 0.824)]
    [InlineData(6, 9.5, 0.824)]
    public void Chart_values_match_the_rts_chart(int reps, decimal rpe, decimal expected) =>
        Assert.Equal(expected, RpeTable.PercentOfMax(reps, rpe));

    [Fact]
    public void Chart_depends_only_on_reps_plus_reps_in_reserve()
    {
        Assert.Equal(RpeTable.PercentOfMax(10, 10m), RpeTable.PercentOfMax(8, 8m));

        // n reps at RPE r+1 and n-1 reps at RPE r both mean n + 9 - r reps to failure.
        for (var reps = 2; reps <= 12; reps++)
        {
            for (var rpe = 6m; rpe <= 9m; rpe += 0.5m)
            {
                Assert.Equal(RpeTable.PercentOfMax(reps - 1, rpe), RpeTable.PercentOfMax(reps, rpe + 1m));
            }
        }
    }

    [Fact]
    public void Chart_falls_as_reps_or_reps_in_reserve_rise()
    {
        for (var reps = 1; reps <= 12; reps++)
        {
            for (var rpe = 6m; rpe < 10m; rpe += 0.5m)
            {
                Assert.True(RpeTable.PercentOfMax(reps, rpe) < RpeTable.PercentOfMax(reps, rpe + 0.5m));
                if (reps < 12)
                {
                    Assert.True(RpeTable.PercentOfMax(reps + 1, rpe) < RpeTable.PercentOfMax(reps, rpe));
                }
            }
        }
    }

    [Fact]
    public void An_rpe_between_half_steps_counts_as_the_next_harder_half_step() =>
        Assert.Equal(RpeTable.PercentOfMax(5, 7.5m), RpeTable.PercentOfMax(5, 7.3m));

    [Theory]
    [InlineData(0, 8.0)]
    [InlineData(13, 8.0)]
    [InlineData(5, 5.5)]
    [InlineData(5, 10.5)]
    public void Outside_the_chart_there_is_no_value(int reps, decimal rpe)
    {
        Assert.False(RpeTable.TryGetPercentOfMax(reps, rpe, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => RpeTable.PercentOfMax(reps, rpe));
    }
}
