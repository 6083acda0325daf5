namespace WorkoutTracker.Server.Coaching.Agent.Offline;

/// <summary>A question that is not about training ("write me a poem"): a short, honest answer about what the coach can do, and no data.</summary>
internal static class ScopeAnswer
{
    public const string Text =
        "I'm your training coach, so I can't help with that. Ask me about your training: why a lift stalls, what to change next week, " +
        "your records and progress, whether a muscle gets enough sets, what to lift next, what to do when equipment is taken, or how to train around pain.";

    public static Task AnswerAsync(AnswerContext c)
    {
        c.Answer.Say(Text);
        return Task.CompletedTask;
    }
}
