using WorkoutTracker.Server.Coaching.Agent;
using WorkoutTracker.Server.Coaching.Agent.Safety;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;

namespace WorkoutTracker.Domain.Tests.Coaching;

/// <summary>Where a question says it hurts, and which exercises the coach keeps away from it.</summary>
public sealed class CoachSafetyTests
{
    private static readonly Func<Exercise, bool> FullGym = e => e.Equipment.All(TrainingProfile.FullGym.Contains);

    [Theory]
    [InlineData("I have a sore shoulder, what can I do instead of overhead press?", new[] { BodyArea.Shoulder })]
    [InlineData("My knee hurts when I squat", new[] { BodyArea.Knee })]
    [InlineData("I tweaked my lower back deadlifting", new[] { BodyArea.LowerBack })]
    [InlineData("my back hurts", new[] { BodyArea.LowerBack })]
    [InlineData("pain between my shoulder blades on rows", new[] { BodyArea.UpperBack })]
    [InlineData("my upper back and my left knee ache", new[] { BodyArea.Knee, BodyArea.UpperBack })]
    [InlineData("My wrist is sore from front squats", new[] { BodyArea.Wrist })]
    [InlineData("I pulled my hamstring sprinting", new[] { BodyArea.Hamstring })]
    public void Reads_the_painful_areas(string question, BodyArea[] areas) =>
        Assert.Equal(areas.Order(), CoachQuestion.Read(question).PainfulAreas().Order());

    [Theory]
    [InlineData("My back squat is stalling")]
    [InlineData("Hip thrusts or back extensions for glutes?")]
    [InlineData("Am I training my back enough?")]
    [InlineData("I'm sore after yesterday")]
    [InlineData("Should I tweak my shoulder press?")]
    [InlineData("I pulled 180 kg on the deadlift, what's next?")]
    [InlineData("How many stiff-leg deadlifts for my hamstrings?")]
    [InlineData("What number of sets should my chest get?")]
    public void A_body_word_without_pain_or_an_exercise_name_with_a_body_word_is_not_pain(string question) =>
        Assert.NotEqual(CoachIntent.Pain, CoachQuestion.Read(question).Intent);

    [Fact]
    public void A_sore_shoulder_gets_no_overhead_pressing_and_no_other_shoulder_loading_alternative_for_the_overhead_press()
    {
        var press = ExerciseCatalog.All.Single(e => e.Id == "barbell-overhead-press");

        var alternatives = PainRules.Alternatives(press, [BodyArea.Shoulder], ExerciseCatalog.All, FullGym);

        Assert.NotEmpty(alternatives);
        Assert.DoesNotContain(alternatives, e => e.Pattern is MovementPattern.VerticalPush or MovementPattern.HorizontalPush or MovementPattern.ShoulderIsolation or MovementPattern.VerticalPull);
        Assert.DoesNotContain(alternatives, e => e.PrimaryMuscles.Any(m => m is MuscleGroup.FrontDelts or MuscleGroup.SideDelts or MuscleGroup.RearDelts));
        Assert.DoesNotContain(alternatives, e => e.Id is "overhead-cable-triceps-extension" or "dumbbell-overhead-triceps-extension");
        Assert.Equal(["cable-triceps-pushdown", "chest-supported-machine-row", "seated-cable-row"], alternatives.Take(3).Select(e => e.Id));
    }

    [Theory]
    [InlineData("barbell-back-squat", BodyArea.Knee)]
    [InlineData("conventional-deadlift", BodyArea.LowerBack)]
    [InlineData("barbell-bench-press", BodyArea.Shoulder)]
    [InlineData("hammer-curl", BodyArea.Elbow)]
    [InlineData("barbell-front-squat", BodyArea.Wrist)]
    public void Alternatives_never_share_the_painful_exercises_pattern_nor_load_the_area(string exerciseId, BodyArea area)
    {
        var original = ExerciseCatalog.All.Single(e => e.Id == exerciseId);

        var alternatives = PainRules.Alternatives(original, [area], ExerciseCatalog.All, FullGym);

        Assert.True(PainRules.Loads(area, original), $"{original.Name} should load the {area}");
        Assert.All(alternatives, e =>
        {
            Assert.NotEqual(original.Pattern, e.Pattern);
            Assert.False(PainRules.Loads(area, e), $"{e.Name} loads the {area}");
        });
    }

    [Fact]
    public void Names_in_an_answer_are_found_by_full_name_and_in_the_plural_but_not_by_a_generic_word()
    {
        var named = PainRules.NamedIn("Try handstand push-ups or a Machine Shoulder Press; skip overhead pressing.", ExerciseCatalog.All);

        Assert.Equal(["machine-shoulder-press", "handstand-push-up"], named.Select(e => e.Id));
    }
}
