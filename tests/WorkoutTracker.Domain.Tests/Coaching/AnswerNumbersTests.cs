using WorkoutTracker.Server.Coaching.Agent;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Domain.Tests.Coaching;

/// <summary>The numbers an answer states, and which citations back them.</summary>
public sealed class AnswerNumbersTests
{
    [Fact]
    public void Reads_numbers_with_their_units_but_not_dates_days_or_digits_in_words()
    {
        var numbers = AnswerNumbers.Read("On 2026-11-16 (day 2) your e1RM was 102.5 kg, 3 × 5 or 3x5 at 225lb; 45-Degree Back Extension, 1RM, RPE 8.");

        Assert.Equal(["102.5", "3", "5", "3", "5", "225", "8"], numbers.Select(n => n.Text));
        Assert.Equal(WeightUnit.Kg, numbers[0].Unit);
        Assert.Equal(WeightUnit.Lb, numbers[5].Unit);
        Assert.Null(numbers[1].Unit);
    }

    [Fact]
    public void A_kilogram_citation_backs_its_value_in_pounds_rounded_as_written()
    {
        var set = new Citation(CitationKind.Set, "id:loadKg", 102.058m);

        Assert.Empty(AnswerNumbers.Uncited("You did 225 lb and 102.06 kg, then 102.1 kg.", [set], WeightUnit.Lb));
        Assert.Equal(["226"], AnswerNumbers.Uncited("You did 226 lb.", [set], WeightUnit.Lb).Select(n => n.Text));
        Assert.Equal("225", AnswerNumbers.Show(102.058m, WeightUnit.Lb));
        Assert.Equal("102.06", AnswerNumbers.Show(102.058m, WeightUnit.Kg));
    }

    [Fact]
    public void A_number_nothing_cites_is_uncited_and_the_citations_cited_by_an_answer_are_those_it_states()
    {
        var reps = new Citation(CitationKind.Set, "id:reps", 5m);
        var other = new Citation(CitationKind.Set, "id:rpe", 9m);

        Assert.Equal(["10"], AnswerNumbers.Uncited("5 reps, rest 10 minutes", [reps], WeightUnit.Kg).Select(n => n.Text));
        Assert.Equal([reps], AnswerNumbers.CitedBy("5 reps", [reps, other], WeightUnit.Kg));
    }

    [Theory]
    [InlineData(TrainingGoal.Strength, ExperienceLevel.Beginner, 6, 10)]
    [InlineData(TrainingGoal.Hypertrophy, ExperienceLevel.Intermediate, 10, 16)]
    [InlineData(TrainingGoal.GeneralFitness, ExperienceLevel.Advanced, 8, 12)]
    public void The_weekly_volume_target_depends_on_goal_and_experience(TrainingGoal goal, ExperienceLevel experience, int min, int max)
    {
        var target = WeeklyVolumeTarget.For(goal, experience);

        Assert.Equal((min, max), ((int)target.Min, (int)target.Max));
        Assert.Equal(VolumeVerdict.Under, target.Judge(min - 0.5m));
        Assert.Equal(VolumeVerdict.Enough, target.Judge(min));
        Assert.Equal(VolumeVerdict.Over, target.Judge(max + 0.5m));
    }
}
