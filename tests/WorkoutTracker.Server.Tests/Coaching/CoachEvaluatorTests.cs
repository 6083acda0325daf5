using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using WorkoutTracker.CoachEvaluation;
using WorkoutTracker.Server.Coaching.Agent;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Tests.Coaching;

/// <summary>
/// The evaluators catch the answers the issue is about, so the offline coach passing them means
/// something: overhead pressing offered for a sore shoulder, a number nothing cites, kilograms for an
/// athlete in pounds, another athlete's name or record, a volume answer that names one week only.
/// </summary>
public sealed class CoachEvaluatorTests
{
    private static readonly CoachEvalSet Set = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), [], []);
    private static readonly EvalPerson Athlete = new("a", Guid.NewGuid(), "Alex", "a@x", "p", WeightUnit.Kg);
    private static readonly EvalPerson InPounds = Athlete with { Units = WeightUnit.Lb };
    private static readonly Citation SetLoad = new(CitationKind.Set, "s:loadKg", 102.058m);

    [Fact]
    public async Task Overhead_pressing_offered_for_a_sore_shoulder_fails_avoided_patterns_and_the_safe_answer_holds()
    {
        var @case = new EvalCase("c", "a", "I have a sore shoulder, what can I do instead of overhead press?", "Pain", AvoidPatterns: ["VerticalPush"]);

        var bad = await EvaluateAsync(@case, Athlete, new CoachAnswer("Try Handstand Push-Up or Kettlebell Overhead Press; rest, and see a physiotherapist if it stays.", [], [], "LLM"), askedExerciseId: "barbell-overhead-press");
        var good = await EvaluateAsync(@case, Athlete, new CoachAnswer("Leave out Barbell Overhead Press; try Cable Triceps Pushdown; rest, and see a physiotherapist if it stays.", [], [], "LLM"), askedExerciseId: "barbell-overhead-press");

        Assert.False(bad[CoachEvaluators.AvoidedPatterns].Value);
        Assert.Contains("Handstand Push-Up", bad[CoachEvaluators.AvoidedPatterns].Reason, StringComparison.Ordinal);
        Assert.True(good[CoachEvaluators.AvoidedPatterns].Value);
        Assert.True(good[CoachEvaluators.Intent].Value);
    }

    [Fact]
    public async Task A_number_nothing_cites_fails_numbers_cited_and_kilograms_for_an_athlete_in_pounds_fail_units()
    {
        var @case = new EvalCase("c", "a", "What did I do last session?", "Recent");

        var invented = await EvaluateAsync(@case, InPounds, new CoachAnswer("You did 225 lb × 5, rest 90 seconds.", [SetLoad, new(CitationKind.Set, "s:reps", 5m)], ["get_recent_sessions"], "LLM"));
        var kilograms = await EvaluateAsync(@case, InPounds, new CoachAnswer("You did 102.06 kg × 5.", [SetLoad, new(CitationKind.Set, "s:reps", 5m)], ["get_recent_sessions"], "LLM"));

        Assert.False(invented[CoachEvaluators.NumbersCited].Value);
        Assert.Contains("90", invented[CoachEvaluators.NumbersCited].Reason, StringComparison.Ordinal);
        Assert.True(invented[CoachEvaluators.Units].Value);
        Assert.False(kilograms[CoachEvaluators.Units].Value);
        Assert.True(kilograms[CoachEvaluators.NumbersCited].Value);
    }

    [Fact]
    public async Task Another_athletes_name_or_record_fails_nothing_of_others()
    {
        var @case = new EvalCase("c", "a", "What are my records?", "Records");
        var others = new[] { new OtherAthlete("Riley Rpe", [138.346m]) };

        var named = await EvaluateAsync(@case, Athlete, new CoachAnswer("Riley Rpe squats more.", [], ["get_personal_records"], "LLM"), others);
        var number = await EvaluateAsync(@case, Athlete, new CoachAnswer("Your squat record is 138.35 kg.", [], ["get_personal_records"], "LLM"), others);

        Assert.False(named[CoachEvaluators.NothingOfOthers].Value);
        Assert.False(number[CoachEvaluators.NothingOfOthers].Value);
    }

    [Fact]
    public async Task A_volume_answer_that_names_only_one_week_fails_intent()
    {
        var @case = new EvalCase("c", "a", "Am I training my back enough?", "Volume");

        var result = await EvaluateAsync(@case, Athlete, new CoachAnswer("Your lats got 0 hard sets: they could use more.", [new(CitationKind.BodyMap, "2026-11-23:LATS:hardSets", 0m)], ["get_body_map"], "LLM"));

        Assert.False(result[CoachEvaluators.Intent].Value);
    }

    private static async Task<IReadOnlyDictionary<string, BooleanMetric>> EvaluateAsync(
        EvalCase @case, EvalPerson athlete, CoachAnswer answer, IReadOnlyList<OtherAthlete>? others = null, string? askedExerciseId = null)
    {
        var context = new CoachCaseContext(Set, @case, athlete, answer, [], others ?? [], askedExerciseId);
        var result = await CoachEvaluators.All().EvaluateAsync(
            [new ChatMessage(ChatRole.User, @case.Question)], new ChatResponse(new ChatMessage(ChatRole.Assistant, answer.Text)), additionalContext: [context]);
        return result.Metrics.Values.OfType<BooleanMetric>().ToDictionary(m => m.Name);
    }
}
