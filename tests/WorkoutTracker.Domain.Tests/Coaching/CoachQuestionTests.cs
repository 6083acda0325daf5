using WorkoutTracker.Server.Coaching.Agent;
using WorkoutTracker.Server.Exercises;

namespace WorkoutTracker.Domain.Tests.Coaching;

/// <summary>How the offline coach reads a question: intent, exercise (preferring what the athlete trains), muscles, equipment.</summary>
public sealed class CoachQuestionTests
{
    private static readonly HashSet<string> Trained = ["barbell-bench-press", "barbell-back-squat", "conventional-deadlift", "dumbbell-lateral-raise"];

    [Theory]
    [InlineData("Why is my bench stalling?", CoachIntent.Stall, "barbell-bench-press")]
    [InlineData("I'm stuck on squats", CoachIntent.Stall, "barbell-back-squat")]
    [InlineData("What should I change next week?", CoachIntent.NextWeek, null)]
    [InlineData("What are my PRs?", CoachIntent.Records, null)]
    [InlineData("What's my best deadlift?", CoachIntent.Records, "conventional-deadlift")]
    [InlineData("How is my deadlift progressing?", CoachIntent.Trend, "conventional-deadlift")]
    [InlineData("How did my last workout go?", CoachIntent.Recent, null)]
    [InlineData("Which muscles did I train last week?", CoachIntent.Volume, null)]
    [InlineData("What weight should I use for squats next session?", CoachIntent.NextLoad, "barbell-back-squat")]
    [InlineData("The bench is taken, what can I do instead of bench press?", CoachIntent.Swap, "barbell-bench-press")]
    [InlineData("Do I need a deload?", CoachIntent.Fatigue, null)]
    [InlineData("What's on my plan this week?", CoachIntent.Plan, null)]
    [InlineData("Show me my Barbell Front Squat records", CoachIntent.Records, "barbell-front-squat")]
    [InlineData("Are my lateral raises getting stronger?", CoachIntent.Trend, "dumbbell-lateral-raise")]
    [InlineData("hello", CoachIntent.Overview, null)]
    [InlineData("I have a sore shoulder, what can I do instead of overhead press?", CoachIntent.Pain, "barbell-overhead-press")]
    [InlineData("My knee hurts when I squat", CoachIntent.Pain, "barbell-back-squat")]
    [InlineData("I tweaked my lower back deadlifting", CoachIntent.Pain, "conventional-deadlift")]
    [InlineData("I think I injured myself", CoachIntent.Pain, null)]
    [InlineData("I'm sore, do I need a deload?", CoachIntent.Fatigue, null)]
    [InlineData("Should I tweak my plan for next week?", CoachIntent.NextWeek, null)]
    [InlineData("I have the flu, should I train?", CoachIntent.Illness, null)]
    [InlineData("Write me a poem", CoachIntent.OutOfScope, null)]
    [InlineData("Write a poem about my bench press", CoachIntent.OutOfScope, "barbell-bench-press")]
    [InlineData("What's the capital of France?", CoachIntent.OutOfScope, null)]
    [InlineData("Am I training my back enough?", CoachIntent.Volume, null)]
    public void Reads_intent_and_exercise(string question, CoachIntent intent, string? exerciseId)
    {
        var read = CoachQuestion.Read(question);

        Assert.Equal(intent, read.Intent);
        Assert.Equal(exerciseId, read.NamedExercise(ExerciseCatalog.All, Trained)?.Id);
    }

    [Fact]
    public void Reads_muscles_and_equipment_but_not_the_back_of_a_back_squat()
    {
        Assert.Equal([MuscleGroup.Lats, MuscleGroup.UpperBack, MuscleGroup.LowerBack, MuscleGroup.Traps], CoachQuestion.Read("Am I training my back enough?").NamedMuscles());
        Assert.Empty(CoachQuestion.Read("How is my back squat?").NamedMuscles());
        Assert.Equal([Equipment.SquatRack, Equipment.Bench], CoachQuestion.Read("The squat rack and the bench are busy").NamedEquipment());
        Assert.True(CoachQuestion.Read("What did I do last week?").AsksAboutLastWeek);
    }
}
