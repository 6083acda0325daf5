using System.Globalization;
using System.Text.Json.Nodes;

namespace WorkoutTracker.CoachEvaluation;

/// <summary>
/// A script for <see cref="FakeChatModel"/> that plays a naive model, for running the evaluation command
/// without a real one (<c>bench/coach-eval/run.sh --fake</c>): it picks tools by keyword, then answers by
/// quoting the numbers the tools returned, in kilograms, whatever the athlete's unit. It reads no pain in
/// the question (it offers the catalog's swaps, same pattern first), looks only at the current week for
/// volume and writes the poem it is asked for, so the score table shows what each property catches.
/// </summary>
public static class ScriptedCoachModel
{
    public static FakeReply Answer(ChatRequest request)
    {
        var question = request.Messages.LastOrDefault(m => m!["role"]!.GetValue<string>() == "user")?["content"]?.ToString().ToLowerInvariant() ?? "";
        if (request.ToolResults.Count == 0 && request.ToolNames.Count > 0)
        {
            var calls = ToolsFor(question, request);
            if (calls.Count > 0)
            {
                return FakeReply.Tools([.. calls]);
            }
        }

        if (question.Contains("poem", StringComparison.Ordinal))
        {
            return FakeReply.Text("Iron rises, iron falls; the bar remembers every rep, and so do I.");
        }

        var numbers = request.ToolResults.SelectMany(r => Leaves(JsonNode.Parse(r.Content))).Take(6).ToList();
        return FakeReply.Text(numbers.Count == 0
            ? "Keep training consistently and ask again when you have logged a few sessions."
            : "From your data: " + string.Join(", ", numbers) + ". Keep following the plan.");
    }

    private static List<(string Function, object Arguments)> ToolsFor(string question, ChatRequest request)
    {
        var exercise = question.Contains("squat", StringComparison.Ordinal) ? "barbell-back-squat"
            : question.Contains("deadlift", StringComparison.Ordinal) ? "conventional-deadlift"
            : question.Contains("overhead", StringComparison.Ordinal) || question.Contains("press", StringComparison.Ordinal) && !question.Contains("bench", StringComparison.Ordinal) ? "barbell-overhead-press"
            : "barbell-bench-press";
        if (question.Contains("poem", StringComparison.Ordinal))
        {
            return [];
        }

        if (question.Contains("sore", StringComparison.Ordinal) || question.Contains("hurt", StringComparison.Ordinal) || question.Contains("instead", StringComparison.Ordinal) || question.Contains("pain", StringComparison.Ordinal))
        {
            return [(request.Tool("suggest_swaps"), new { exerciseId = exercise })];
        }

        if (question.Contains("enough", StringComparison.Ordinal) || question.Contains("volume", StringComparison.Ordinal) || question.Contains("muscle", StringComparison.Ordinal))
        {
            return [(request.Tool("get_body_map"), new { })];
        }

        if (question.Contains("record", StringComparison.Ordinal) || question.Contains("best", StringComparison.Ordinal))
        {
            return [(request.Tool("get_personal_records"), new { })];
        }

        if (question.Contains("stall", StringComparison.Ordinal) || question.Contains("stuck", StringComparison.Ordinal) || question.Contains("progress", StringComparison.Ordinal))
        {
            return [(request.Tool("get_e1rm_trend"), new { exerciseId = exercise }), (request.Tool("get_progression"), new { exerciseId = exercise })];
        }

        if (question.Contains("plan", StringComparison.Ordinal) || question.Contains("week", StringComparison.Ordinal) || question.Contains("next", StringComparison.Ordinal))
        {
            return [(request.Tool("get_weekly_plan"), new { })];
        }

        return [(request.Tool("get_recent_sessions"), new { count = 2 })];
    }

    /// <summary>"name 12.5 kg" for the numeric leaves of a tool result (names ending in Kg get "kg"), and exercise names as they come.</summary>
    private static IEnumerable<string> Leaves(JsonNode? node, string name = "")
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    foreach (var leaf in Leaves(value, key))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    foreach (var leaf in Leaves(item, name))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonValue v when v.TryGetValue<decimal>(out var number) && name is not ("day" or "planDay"):
                yield return string.Create(CultureInfo.InvariantCulture, $"{name} {number}{(name.EndsWith("Kg", StringComparison.Ordinal) ? " kg" : "")}");
                break;
            case JsonValue v when name == "name" && v.TryGetValue<string>(out var text):
                yield return text;
                break;
        }
    }
}
