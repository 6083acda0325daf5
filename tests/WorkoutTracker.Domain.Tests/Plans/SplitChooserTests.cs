using WorkoutTracker.Server.Plans;

namespace WorkoutTracker.Domain.Tests.Plans;

public class SplitChooserTests
{
    [Theory]
    [InlineData(2, SplitKind.FullBody, "Full Body A,Full Body B")]
    [InlineData(3, SplitKind.FullBody, "Full Body A,Full Body B,Full Body C")]
    [InlineData(4, SplitKind.UpperLower, "Upper A,Lower A,Upper B,Lower B")]
    [InlineData(5, SplitKind.UpperLowerPushPullLegs, "Upper,Lower,Push,Pull,Legs")]
    [InlineData(6, SplitKind.PushPullLegs, "Push A,Pull A,Legs A,Push B,Pull B,Legs B")]
    public void Days_per_week_choose_the_split_and_name_the_days(int days, SplitKind kind, string names)
    {
        var split = SplitChooser.Choose(days);

        Assert.Equal(kind, split.Kind);
        Assert.Equal(names.Split(','), split.Days.Select(d => d.Name));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void Days_outside_2_to_6_have_no_split(int days) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SplitChooser.Choose(days));

    [Fact]
    public void Every_day_template_leads_with_a_main_lift()
    {
        for (var days = 2; days <= 6; days++)
        {
            Assert.All(SplitChooser.Choose(days).Days, d => Assert.Equal(ExerciseRole.Main, d.Slots[0].Role));
        }
    }

    [Fact]
    public void A_and_b_variants_lead_with_different_main_lifts()
    {
        var days = SplitChooser.Choose(6).Days;

        Assert.NotEqual(days[0].Slots[0].Pattern, days[3].Slots[0].Pattern);
        Assert.NotEqual(days[1].Slots[0].Pattern, days[4].Slots[0].Pattern);
        Assert.NotEqual(days[2].Slots[0].Pattern, days[5].Slots[0].Pattern);
    }
}
