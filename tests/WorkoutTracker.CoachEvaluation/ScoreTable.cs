using System.Globalization;
using System.Text;

namespace WorkoutTracker.CoachEvaluation;

/// <summary>The evaluation's result as text: one row per property (cases that passed, of those it applies to, and the score), then the failures.</summary>
public static class ScoreTable
{
    public static string Format(IReadOnlyList<CaseResult> results)
    {
        var text = new StringBuilder();
        var sources = string.Join(", ", results.GroupBy(r => r.Answer.Source).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        text.AppendLine(CultureInfo.InvariantCulture, $"Coach evaluation: {results.Count} cases, {results.Count(r => r.Passed)} passed every property (answers by source: {sources})");
        if (results.Any(r => r.Answer.Source == "LLM") && results.Any(r => r.Answer.Source == "OFFLINE"))
        {
            text.AppendLine("(OFFLINE answers in a model run: the safety check refused the model's answer and the offline coach answered; see the warnings.)");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"property",-20} {"passed",7} {"of",5} {"score",8}");
        foreach (var property in CoachEvaluators.Properties)
        {
            var metrics = results.SelectMany(r => r.Metrics).Where(m => m.Name == property).ToList();
            var passed = metrics.Count(m => m.Value == true);
            text.AppendLine(CultureInfo.InvariantCulture, $"{property,-20} {passed,7} {metrics.Count,5} {CoachEvaluators.Percent(passed, metrics.Count),8}");
        }

        var failed = results.Where(r => !r.Passed).ToList();
        if (failed.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Failures:");
            foreach (var result in failed)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {result.Case.Id} ({result.Answer.Source}): {string.Join(" | ", result.Failures)}");
            }
        }

        return text.ToString();
    }
}
