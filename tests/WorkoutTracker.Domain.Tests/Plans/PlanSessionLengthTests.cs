using WorkoutTracker.Server.Plans;
using static WorkoutTracker.Domain.Tests.Plans.Profiles;

namespace WorkoutTracker.Domain.Tests.Plans;

public class PlanSessionLengthTests
{
    [Theory]
    [InlineData(20)]
    [InlineData(30)]
    [InlineData(45)]
    [InlineData(60)]
    [InlineData(90)]
    [InlineData(180)]
    public void No_day_is_estimated_longer_than_the_session(int minutes)
    {
        foreach (var (goal, experience) in GoalsAndLevels())
        {
            for (var days = 2; days <= 6; days++)
            {
                var plan = Generate(FullGym(days, goal, experience, minutes));

                Assert.All(plan.Days, d => Assert.InRange(d.EstimatedMinutes, 1, minutes));
                Assert.All(plan.Days, d => Assert.NotEmpty(d.Exercises));
            }
        }
    }

    [Fact]
    public void Estimated_minutes_follow_the_session_budget()
    {
        var plan = Generate(FullGym(4, minutes: 180));

        foreach (var day in plan.Days)
        {
            var minutes = SessionBudget.GeneralWarmUpMinutes
                + day.Exercises.Sum(e => SessionBudget.Minutes(e.Role, e.TargetSets.Count, TrainingGoal.Hypertrophy));
            Assert.Equal((int)Math.Ceiling(minutes), day.EstimatedMinutes);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Shorter_sessions_get_fewer_exercises(int days)
    {
        var counts = new[] { 30, 45, 60, 90 }.Select(m => Generate(FullGym(days, minutes: m)).AllExercises().Count()).ToList();

        Assert.Equal(counts.Order(), counts);
        Assert.True(counts[0] < counts[^1], string.Join(", ", counts));
    }

    [Fact]
    public void A_20_minute_session_still_has_its_main_lift()
    {
        var plan = Generate(FullGym(3, TrainingGoal.Strength, minutes: 20));

        Assert.All(plan.Days, d => Assert.Equal(ExerciseRole.Main, d.Exercises[0].Role));
    }

    [Fact]
    public void Long_sessions_stop_at_the_exercise_cap() =>
        Assert.All(Generate(FullGym(3, minutes: 180)).Days, d => Assert.Equal(PlanVolume.MaxExercisesPerDay, d.Exercises.Count));

    [Fact]
    public void Main_lifts_lose_sets_before_a_muscle_goes_untrained_but_keep_three()
    {
        var roomy = Generate(FullGym(3, experience: Server.Progression.ExperienceLevel.Advanced, minutes: 120));
        var tight = Generate(FullGym(3, experience: Server.Progression.ExperienceLevel.Advanced, minutes: 60));

        Assert.All(roomy.AllExercises().Where(e => e.Role == ExerciseRole.Main), e => Assert.Equal(5, e.TargetSets.Count));
        Assert.Contains(tight.AllExercises(), e => e.Role == ExerciseRole.Main && e.TargetSets.Count < 5);
        Assert.All(tight.AllExercises().Where(e => e.Role == ExerciseRole.Main), e => Assert.True(e.TargetSets.Count >= PlanVolume.MinimumMainSets));
        Assert.Empty(tight.UntrainedMuscles);
    }
}
