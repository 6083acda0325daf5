namespace WorkoutTracker.Server.Coaching.Agent.Offline;

/// <summary>Alternatives for an exercise whose equipment is taken, and where to start.</summary>
internal static class SwapAnswer
{
    public static async Task AnswerAsync(AnswerContext c)
    {
        var exercise = c.Exercise ?? await c.LastTrainedExerciseAsync();
        if (exercise is null)
        {
            c.Answer.Say("Tell me which exercise you want to replace and what equipment is taken.");
            return;
        }

        var a = c.Answer;
        var taken = c.Question.NamedEquipment().Where(exercise.Equipment.Contains).ToList();
        var swaps = await c.Tools.Catalog.SuggestSwapsAsync(exercise.Id, taken, [], c.Ct);
        var missing = taken.Count > 0 ? string.Join(" and ", taken.Select(AnswerContext.Words)) : "its equipment";
        if (swaps.Count == 0)
        {
            a.Say($"Nothing in the catalog trains the same muscle as {exercise.Name} without {missing} with your equipment; wait for it or move to the next exercise.");
            return;
        }

        var muscle = AnswerContext.Words(exercise.PrimaryMuscles[0]);
        a.Say($"Without {missing}, instead of {exercise.Name} you can do {string.Join(", ", swaps.Take(3).Select(s => s.Name))}: each trains your {muscle} with the equipment you have.");
        await c.PrescriptionAsync(exercise, $"You were due on {exercise.Name}");
        var first = await c.Tools.Progression.GetProgressionAsync(swaps[0].Id, c.Ct);
        if (!first.FreshStart)
        {
            a.Say($"On {first.Name} your progression is at {a.N(first.Next.SetsCitation)} × {a.Reps(first.Next.RepsMinCitation, first.Next.RepsMaxCitation)} with {a.Load(first.Next.LoadCitation)}.");
        }
        else
        {
            a.Say($"You have not done {first.Name} before: start light and stop two reps short of failure.");
        }
    }
}
