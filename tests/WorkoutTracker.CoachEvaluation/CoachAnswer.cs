using WorkoutTracker.Server.Coaching.Agent;

namespace WorkoutTracker.CoachEvaluation;

/// <summary>The coach's reply to one case, as the GraphQL API returned it.</summary>
public sealed record CoachAnswer(string Text, IReadOnlyList<Citation> Citations, IReadOnlyList<string> ToolCalls, string Source);

/// <summary>
/// What the evaluators need beyond the answer text (an <see cref="Microsoft.Extensions.AI.Evaluation.EvaluationContext"/>):
/// the case and its set, the person asked about, the reply, the citations that are not the athlete's
/// real numbers, the other athletes' names and numbers that must not show up, and the exercise asked about.
/// </summary>
public sealed class CoachCaseContext(
    CoachEvalSet set, EvalCase @case, EvalPerson athlete, CoachAnswer answer, IReadOnlyList<string> falseCitations, IReadOnlyList<OtherAthlete> others, string? askedExerciseId)
    : Microsoft.Extensions.AI.Evaluation.EvaluationContext("Coach case", $"{@case.Id}: {@case.Question}")
{
    public CoachEvalSet Set { get; } = set;

    public EvalCase Case { get; } = @case;

    public EvalPerson Athlete { get; } = athlete;

    public CoachAnswer Answer { get; } = answer;

    public IReadOnlyList<string> FalseCitations { get; } = falseCitations;

    public IReadOnlyList<OtherAthlete> Others { get; } = others;

    /// <summary>The exercise the question asks about, read as the coach reads it for this athlete (the one that hurts, in a pain question).</summary>
    public string? AskedExerciseId { get; } = askedExerciseId;
}

/// <summary>Another athlete of the set: their name and their record loads and e1RMs (kg).</summary>
public sealed record OtherAthlete(string Name, IReadOnlyList<decimal> NumbersKg);
