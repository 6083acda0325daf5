using System.Globalization;
using System.Text.Json.Nodes;
using WorkoutTracker.CoachEvaluation;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Coaching;

/// <summary>Asserts that a coach reply's citations are the athlete's real numbers (<see cref="CitationTruth"/>).</summary>
public static class CitationChecks
{
    /// <summary>Asserts that every citation of a coach reply is the athlete's real number.</summary>
    public static async Task AssertAllTrueAsync(WorkoutApiFactory api, Guid athleteId, JsonArray citations)
    {
        foreach (var citation in citations)
        {
            var kind = citation!["kind"]!.GetValue<string>();
            var reference = citation["ref"]!.GetValue<string>();
            var value = (decimal)citation["value"]!.GetValue<double>();
            var truth = await CitationTruth.TruthAsync(api.Services, athleteId, kind, reference);
            Assert.True(truth == value, $"{kind} {reference}: cited {value}, the athlete's data says {truth?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}");
        }
    }
}
