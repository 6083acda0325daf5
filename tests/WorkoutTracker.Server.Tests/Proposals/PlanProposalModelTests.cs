using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.CoachEvaluation;
using WorkoutTracker.Server.Coaching.Agent;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Coaching;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;

namespace WorkoutTracker.Server.Tests.Proposals;

/// <summary>
/// The coach's model proposes plan changes through its propose_plan_edit tool (a scripted fake
/// OpenAI-compatible server plays the model): the edits that apply become one proposal; an unknown
/// exercise and another athlete's plan are refused, told to the model and reported in the reply.
/// </summary>
public sealed class PlanProposalModelTests(CoachModelApi fixture) : IClassFixture<CoachModelApi>
{
    private const string Bench = "barbell-bench-press";

    private const string AskCoach = """
        query($q: String!) { coach(question: $q) { source toolCalls refusedEdits
          proposal { author status weekStart items { kind dayNumber exercise { id } why after { sets repsMin repsMax load } } } } }
        """;

    [Fact]
    public async Task The_models_valid_edit_becomes_a_proposal_and_its_invalid_edits_are_refused_and_reported()
    {
        var api = fixture.Api;
        var other = await api.CreateUserAsync(UserRole.Athlete, "Olive Other");
        var nextWeek = IsoWeeks.MondayOf(DateOnly.FromDateTime(DateTime.UtcNow)).AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var plan = (await client.PostGraphQLAsync(
            "query($w: Date!) { weeklyPlan(weekStart: $w) { days { dayNumber exercises { exercise { id } } } } }", new { w = nextWeek })).Payload("weeklyPlan");
        var day = plan["days"]!.AsArray().First(d => d!["exercises"]!.AsArray().Any(e => e!["exercise"]!["id"]!.GetValue<string>() == Bench))!["dayNumber"]!.GetValue<int>();
        fixture.Model.Reset(request => request.Number == 0
            ? FakeReply.Tools(
                (request.Tool("propose_plan_edit"), new { kind = "change_targets", dayNumber = day, exerciseId = Bench, sets = 4, repsMin = 6, repsMax = 6, load = 40, why = "Bench stalled: deload." }),
                (request.Tool("propose_plan_edit"), new { kind = "swap", dayNumber = day, exerciseId = Bench, withExerciseId = "no-such-lift", why = "Try this." }),
                (request.Tool("propose_plan_edit"), new { kind = "change_targets", dayNumber = day, exerciseId = Bench, sets = 2, why = "Less.", athleteId = other.Id.ToString() }))
            : FakeReply.Text("Deload your bench next week."));

        var reply = (await client.PostGraphQLAsync(AskCoach, new { q = "What should I change next week?" })).Payload("coach");

        Assert.Equal("LLM", reply["source"]!.GetValue<string>());
        var proposal = reply["proposal"]!;
        Assert.Equal("COACH_AGENT", proposal["author"]!.GetValue<string>());
        Assert.Equal(nextWeek, proposal["weekStart"]!.GetValue<string>());
        var item = Assert.Single(proposal["items"]!.AsArray())!;
        Assert.Equal((Bench, day), (item["exercise"]!["id"]!.GetValue<string>(), item["dayNumber"]!.GetValue<int>()));
        Assert.Equal((4, 6, 6, 40m), (item["after"]!["sets"]!.GetValue<int>(), item["after"]!["repsMin"]!.GetValue<int>(), item["after"]!["repsMax"]!.GetValue<int>(), item["after"]!["load"]!.GetValue<decimal>()));

        var refused = reply["refusedEdits"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.Equal(2, refused.Count);
        Assert.Contains("no-such-lift", refused[0], StringComparison.Ordinal);
        Assert.Contains("another athlete", refused[1], StringComparison.Ordinal);

        var results = fixture.Model.Requests[1].ToolResults;
        Assert.Equal(3, results.Count);
        Assert.True(JsonNode.Parse(results[0].Content)!["accepted"]!.GetValue<bool>());
        Assert.Contains("no-such-lift", JsonNode.Parse(results[1].Content)!["refused"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(CoachToolGuard.OtherAthleteRefused, results[2].Content);

        await using var db = await api.CreateDbAsync();
        Assert.False(await db.PlanProposals.AnyAsync(p => p.AthleteId == other.Id));
    }
}
