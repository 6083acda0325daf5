namespace WorkoutTracker.Server.Coaching.Agent.Offline;

/// <summary>The athlete is ill: rest first, come back lighter, see a doctor when it lasts. No data, no loads.</summary>
internal static class IllnessAnswer
{
    public static Task AnswerAsync(AnswerContext c)
    {
        var a = c.Answer;
        a.Say("Rest while you are ill: with a fever, or symptoms below the neck (chest, stomach, aches all over), skip training until you are well; with a mild head cold, an easy short session is the most to do.");
        a.Say("Your plan waits for you: when you are back, start lighter than where you left off and build up again over a few sessions.");
        a.Say("If it lasts more than a few days or you get worse, see a doctor.");
        return Task.CompletedTask;
    }
}
