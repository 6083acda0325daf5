using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Domain.Tests.Progression;

public class LoadRoundingTests
{
    private static readonly LoadingSetup _kg = LoadingSetup.DefaultKg;
    private static readonly LoadingSetup _lb = LoadingSetup.DefaultLb;

    [Theory]
    [InlineData(100.0, 100.0)]
    [InlineData(101.0, 100.0)]
    [InlineData(101.25, 100.0)] // exactly halfway goes down
    [InlineData(101.3, 102.5)]
    [InlineData(102.4, 102.5)]
    public void Barbell_kg_rounds_to_bar_plus_pairs_of_1_25_kg_plates(decimal load, decimal expected) =>
        Assert.Equal(expected, LoadRounding.Round(load, LoadImplement.Barbell, _kg));

    [Theory]
    [InlineData(220.46, 220.0)]
    [InlineData(222.5, 220.0)]
    [InlineData(223.0, 225.0)]
    [InlineData(137.0, 135.0)]
    public void Barbell_lb_rounds_to_45_lb_bar_plus_5_lb_steps(decimal load, decimal expected) =>
        Assert.Equal(expected, LoadRounding.Round(load, LoadImplement.Barbell, _lb));

    [Theory]
    [InlineData(12.0, 20.0)]
    [InlineData(0.0, 20.0)]
    [InlineData(-5.0, 20.0)]
    public void Barbell_never_rounds_below_the_empty_20_kg_bar(decimal load, decimal expected)
    {
        Assert.Equal(expected, LoadRounding.Round(load, LoadImplement.Barbell, _kg));
        Assert.Equal(expected, LoadRounding.Round(load, LoadImplement.Barbell, _kg, RoundingDirection.Down));
    }

    [Fact]
    public void Barbell_never_rounds_below_the_empty_45_lb_bar() =>
        Assert.Equal(45m, LoadRounding.Round(30m, LoadImplement.Barbell, _lb, RoundingDirection.Down));

    [Fact]
    public void Ez_bar_and_trap_bar_start_from_their_own_empty_weight()
    {
        Assert.Equal(10m, LoadRounding.Round(4m, LoadImplement.EzBar, _kg));
        Assert.Equal(12.5m, LoadRounding.Round(13m, LoadImplement.EzBar, _kg));
        Assert.Equal(25m, LoadRounding.Round(21m, LoadImplement.TrapBar, _kg));
        Assert.Equal(55m, LoadRounding.Round(50m, LoadImplement.TrapBar, _lb));
    }

    [Fact]
    public void Fractional_plates_make_1_kg_steps() =>
        Assert.Equal(101m, LoadRounding.Round(101.2m, LoadImplement.Barbell, _kg with { SmallestPlatePerSide = 0.5m }));

    [Theory]
    [InlineData(RoundingDirection.Down, 100.0)]
    [InlineData(RoundingDirection.Up, 102.5)]
    [InlineData(RoundingDirection.Nearest, 100.0)]
    public void Direction_decides_between_two_loadable_weights(RoundingDirection direction, decimal expected) =>
        Assert.Equal(expected, LoadRounding.Round(100.1m, LoadImplement.Barbell, _kg, direction));

    [Theory]
    [InlineData(LoadImplement.Dumbbell, 13.1, 14.0)]
    [InlineData(LoadImplement.Dumbbell, 12.9, 12.0)]
    [InlineData(LoadImplement.Dumbbell, 0.5, 2.0)]
    [InlineData(LoadImplement.Stack, 42.0, 40.0)]
    [InlineData(LoadImplement.Stack, 43.0, 45.0)]
    [InlineData(LoadImplement.Stack, 1.0, 5.0)]
    [InlineData(LoadImplement.Bodyweight, 0.0, 0.0)]
    [InlineData(LoadImplement.Bodyweight, 6.0, 5.0)]
    [InlineData(LoadImplement.Bodyweight, 6.5, 7.5)]
    [InlineData(LoadImplement.Kettlebell, 17.0, 16.0)]
    [InlineData(LoadImplement.Kettlebell, 18.5, 20.0)]
    [InlineData(LoadImplement.Kettlebell, 2.0, 4.0)]
    [InlineData(LoadImplement.Kettlebell, 60.0, 48.0)]
    public void Kg_steps_for_dumbbells_stacks_bodyweight_and_kettlebells(LoadImplement implement, decimal load, decimal expected) =>
        Assert.Equal(expected, LoadRounding.Round(load, implement, _kg));

    [Theory]
    [InlineData(LoadImplement.Dumbbell, 37.0, 35.0)]
    [InlineData(LoadImplement.Dumbbell, 38.0, 40.0)]
    [InlineData(LoadImplement.Stack, 114.0, 110.0)]
    [InlineData(LoadImplement.Stack, 116.0, 120.0)]
    [InlineData(LoadImplement.Bodyweight, 8.0, 10.0)]
    [InlineData(LoadImplement.Kettlebell, 52.0, 53.0)]
    [InlineData(LoadImplement.Kettlebell, 57.0, 60.0)]
    [InlineData(LoadImplement.Kettlebell, 65.0, 62.0)]
    public void Lb_steps_for_dumbbells_stacks_bodyweight_and_common_kettlebells(LoadImplement implement, decimal load, decimal expected) =>
        Assert.Equal(expected, LoadRounding.Round(load, implement, _lb));

    [Theory]
    [InlineData(LoadImplement.Barbell, 100.0, 102.5, 97.5)]
    [InlineData(LoadImplement.Barbell, 20.0, 22.5, 20.0)]
    [InlineData(LoadImplement.Dumbbell, 20.0, 22.0, 18.0)]
    [InlineData(LoadImplement.Dumbbell, 2.0, 4.0, 2.0)]
    [InlineData(LoadImplement.Kettlebell, 16.0, 20.0, 12.0)]
    [InlineData(LoadImplement.Kettlebell, 48.0, 48.0, 44.0)]
    [InlineData(LoadImplement.Bodyweight, 0.0, 2.5, 0.0)]
    public void Step_up_and_down_move_to_the_neighbouring_loadable_weight(LoadImplement implement, decimal load, decimal up, decimal down)
    {
        Assert.Equal(up, LoadRounding.StepUp(load, implement, _kg));
        Assert.Equal(down, LoadRounding.StepDown(load, implement, _kg));
    }

    [Fact]
    public void Step_from_an_unloadable_weight_goes_to_the_next_loadable_one()
    {
        Assert.Equal(102.5m, LoadRounding.StepUp(101m, LoadImplement.Barbell, _kg));
        Assert.Equal(100m, LoadRounding.StepDown(101m, LoadImplement.Barbell, _kg));
    }

    [Fact]
    public void Converting_100_kg_on_a_barbell_to_pounds_gives_220_lb() =>
        Assert.Equal(220m, LoadRounding.ConvertAndRound(100m, WeightUnit.Kg, LoadImplement.Barbell, _lb));

    [Fact]
    public void Converting_225_lb_on_a_barbell_to_kilograms_gives_102_5_kg() =>
        Assert.Equal(102.5m, LoadRounding.ConvertAndRound(225m, WeightUnit.Lb, LoadImplement.Barbell, _kg));

    [Fact]
    public void Pound_conversion_uses_the_exact_international_pound()
    {
        Assert.Equal(45.359237m, WeightConversion.Convert(100m, WeightUnit.Lb, WeightUnit.Kg));
        Assert.Equal(100m, Math.Round(WeightConversion.Convert(45.359237m, WeightUnit.Kg, WeightUnit.Lb), 10));
    }

    [Fact]
    public void A_setup_without_a_positive_step_is_rejected() =>
        Assert.Throws<ArgumentException>(() => LoadRounding.Round(10m, LoadImplement.Stack, _kg with { StackStep = 0m }));
}
