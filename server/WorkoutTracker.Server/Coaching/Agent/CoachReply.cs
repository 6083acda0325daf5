namespace WorkoutTracker.Server.Coaching.Agent;

/// <summary>Who wrote an answer: the configured model, or the built-in offline coach.</summary>
public enum CoachSource
{
    Llm,
    Offline,
}

/// <summary>
/// The coach's answer, the numbers it used with where each comes from, and the tool functions called
/// (in call order), and the changes to next week it proposes, when asked what to change (<see cref="Proposals.PlanProposals"/>).
/// </summary>
public sealed record CoachReply(string Answer, IReadOnlyList<Citation> Citations, IReadOnlyList<string> ToolCalls, CoachSource Source)
{
    public Proposals.PlanProposalView? Proposal { get; init; }

    /// <summary>The plan changes the model proposed that were refused (they did not apply), with why.</summary>
    public IReadOnlyList<string> RefusedEdits { get; init; } = [];
}
