using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Logbook;
using WorkoutTracker.Server.Tests.Sessions;

namespace WorkoutTracker.Server.Tests.Proposals;

/// <summary>
/// The coach proposes changes to next week as a reviewable diff, applied only when the athlete accepts:
/// over the demo athlete's seeded history (whose bench press stalls), with no model configured.
/// </summary>
public sealed class PlanProposalTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    private const string Bench = "barbell-bench-press";

    private const string ProposalFields = """
        id weekStart author summary status stale acceptedItems decidedBy decidedAt
        items { index kind dayNumber exercise { id } withExercise { id } why citations { kind ref value }
          before { exerciseId sets repsMin repsMax load rpe unit } after { exerciseId sets repsMin repsMax load rpe unit } }
        """;

    private static readonly string AskCoach = $$"""
        query($q: String!, $a: ID) { coach(question: $q, athleteId: $a) { answer source proposal { {{ProposalFields}} } } }
        """;

    private static readonly string Decide = $$"""
        mutation($i: DecidePlanProposalInput!) { decidePlanProposal(input: $i) {
          clientMutationId replayed proposal { {{ProposalFields}} }
          plan { weekStart editsVersion days { dayNumber exercises { exercise { id } targetSets { repsMin repsMax load rpe } } } } } }
        """;

    private static readonly string Propose = $$"""
        mutation($i: ProposePlanChangesInput!) { proposePlanChanges(input: $i) { replayed proposal { {{ProposalFields}} } } }
        """;

    private const string NextWeekPlan = """
        query($w: Date!, $a: ID) { weeklyPlan(weekStart: $w, athleteId: $a) { editsVersion days { dayNumber exercises { exercise { id } targetSets { repsMin repsMax load rpe } } } } }
        """;

    private DateOnly NextWeek => IsoWeeks.MondayOf(DateOnly.FromDateTime(DateTime.UtcNow)).AddDays(7);

    private string NextWeekText => NextWeek.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_demo_athletes_stalled_bench_gets_a_deload_proposal_offline()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        await NewPlanVersionAsync(client);
        var progress = (await api.Services.GetRequiredService<WeeklyPlanService>().LoadProgressAsync(DemoUsers.Athlete.Id, CancellationToken.None))[Bench];

        var reply = (await client.PostGraphQLAsync(AskCoach, new { q = "What should I change next week?" })).Payload("coach");

        Assert.Equal("OFFLINE", reply["source"]!.GetValue<string>());
        var proposal = reply["proposal"]!;
        Assert.Equal("OFFLINE_RULES", proposal["author"]!.GetValue<string>());
        Assert.Equal("OPEN", proposal["status"]!.GetValue<string>());
        Assert.Equal(NextWeekText, proposal["weekStart"]!.GetValue<string>());
        var bench = BenchItems(proposal);
        Assert.NotEmpty(bench);
        var setup = (await api.Services.GetRequiredService<ProfileService>().GetAsync(DemoUsers.Athlete.Id, CancellationToken.None)).ToTrainingProfile().LoadingSetup;
        Assert.All(bench, item =>
        {
            Assert.Equal("CHANGE_TARGETS", item["kind"]!.GetValue<string>());
            var before = item["before"]!["load"]!.GetValue<decimal>();
            var after = item["after"]!["load"]!.GetValue<decimal>();
            Assert.Equal(LoadRounding.Round(before * 0.9m, LoadImplement.Barbell, setup, RoundingDirection.Down), after);
            Assert.True(after < before, $"a deload lowers the load ({before} → {after})");
            Assert.Contains("stalled", item["why"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains(item["citations"]!.AsArray(), c => c!["kind"]!.GetValue<string>() == "E1RM" || c["ref"]!.GetValue<string>() == $"{Bench}:consecutiveFailures");
        });
        if (progress.ConsecutiveFailures > 0)
        {
            Assert.Contains(bench[0]["citations"]!.AsArray(), c => c!["ref"]!.GetValue<string>() == $"{Bench}:consecutiveFailures" && c["value"]!.GetValue<int>() == progress.ConsecutiveFailures);
        }
    }

    [Fact]
    public async Task Accepting_the_bench_lines_changes_next_weeks_bench_exactly_as_the_diff_said_in_one_change()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        await NewPlanVersionAsync(client);
        var proposal = await AskAsync(client);
        var bench = BenchItems(proposal);
        var others = proposal["items"]!.AsArray().Select(i => i!).Except(bench).ToList();
        var before = (await client.PostGraphQLAsync(NextWeekPlan, new { w = NextWeekText })).Payload("weeklyPlan");
        var id = LogbookApi.Id();
        var input = new { clientMutationId = id, proposalId = proposal["id"]!.GetValue<string>(), acceptedItems = bench.Select(i => i["index"]!.GetValue<int>()).ToArray() };

        var decided = (await client.PostGraphQLAsync(Decide, new { i = input })).Payload("decidePlanProposal");
        var replay = (await client.PostGraphQLAsync(Decide, new { i = input })).Payload("decidePlanProposal");
        var after = (await client.PostGraphQLAsync(NextWeekPlan, new { w = NextWeekText })).Payload("weeklyPlan");

        Assert.False(decided["replayed"]!.GetValue<bool>());
        Assert.True(replay["replayed"]!.GetValue<bool>());
        Assert.Equal(others.Count == 0 ? "ACCEPTED" : "PARTLY_ACCEPTED", decided["proposal"]!["status"]!.GetValue<string>());
        Assert.Equal(DemoUsers.Athlete.Id.ToString(), decided["proposal"]!["decidedBy"]!.GetValue<string>());
        Assert.Equal(before["editsVersion"]!.GetValue<int>() + 1, after["editsVersion"]!.GetValue<int>());
        foreach (var item in bench)
        {
            var want = item["after"]!;
            var sets = Targets(after, item["dayNumber"]!.GetValue<int>(), Bench);
            Assert.Equal(want["sets"]!.GetValue<int>(), sets.Count);
            Assert.All(sets, s => Assert.Equal(
                (want["repsMin"]!.GetValue<int>(), want["repsMax"]!.GetValue<int>(), want["load"]!.GetValue<decimal>()),
                (s!["repsMin"]!.GetValue<int>(), s["repsMax"]!.GetValue<int>(), s["load"]!.GetValue<decimal>())));
        }

        foreach (var item in others)
        {
            var day = item["dayNumber"]!.GetValue<int>();
            var exercise = item["exercise"]!["id"]!.GetValue<string>();
            Assert.Equal(Targets(before, day, exercise).ToJsonString(), Targets(after, day, exercise).ToJsonString());
        }

        await using var db = await api.CreateDbAsync();
        var stored = await db.PlanProposals.AsNoTracking().SingleAsync(p => p.Id == Guid.Parse(proposal["id"]!.GetValue<string>()));
        Assert.Equal(input.acceptedItems.Order(), stored.AcceptedItems!);
        Assert.Equal(after["editsVersion"]!.GetValue<int>(), stored.AppliedEditsVersion);
    }

    [Fact]
    public async Task Rejecting_a_proposal_changes_nothing_in_the_plan_and_keeps_the_decision()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        await NewPlanVersionAsync(client);
        var proposal = await AskAsync(client);
        var before = (await client.PostGraphQLAsync(NextWeekPlan, new { w = NextWeekText })).Payload("weeklyPlan").ToJsonString();

        var decided = (await client.PostGraphQLAsync(Decide, new { i = new { clientMutationId = LogbookApi.Id(), proposalId = proposal["id"]!.GetValue<string>(), acceptedItems = Array.Empty<int>() } })).Payload("decidePlanProposal");
        var after = (await client.PostGraphQLAsync(NextWeekPlan, new { w = NextWeekText })).Payload("weeklyPlan").ToJsonString();
        var history = (await client.PostGraphQLAsync($$"""{ planProposalHistory(first: 20) { {{ProposalFields}} } }""")).Payload("planProposalHistory").AsArray();

        Assert.Equal("REJECTED", decided["proposal"]!["status"]!.GetValue<string>());
        Assert.Empty(decided["proposal"]!["acceptedItems"]!.AsArray());
        Assert.Equal(before, after);
        var kept = history.Single(p => p!["id"]!.GetValue<string>() == proposal["id"]!.GetValue<string>())!;
        Assert.Equal("REJECTED", kept["status"]!.GetValue<string>());
        Assert.NotNull(kept["decidedAt"]);
    }

    [Fact]
    public async Task Asking_again_after_rejecting_makes_a_new_open_proposal_not_the_decided_one()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        await NewPlanVersionAsync(client);
        var first = await AskAsync(client);
        Assert.Null((await client.PostGraphQLAsync(Decide, new { i = new { clientMutationId = LogbookApi.Id(), proposalId = first["id"]!.GetValue<string>(), acceptedItems = Array.Empty<int>() } })).Errors);

        // Rejecting changed nothing, so the plan is at the version the first proposal was made from.
        var again = await AskAsync(client);
        var repeated = await AskAsync(client);

        Assert.NotEqual(first["id"]!.GetValue<string>(), again["id"]!.GetValue<string>());
        Assert.Equal(again["id"]!.GetValue<string>(), repeated["id"]!.GetValue<string>());
        Assert.Equal(first["items"]!.ToJsonString(), again["items"]!.ToJsonString());
    }

    [Fact]
    public async Task A_proposal_made_before_the_plan_changed_is_refused_as_stale_and_changes_nothing()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        await NewPlanVersionAsync(client);
        var proposal = await AskAsync(client);
        var item = BenchItems(proposal)[0];
        await client.EditPlanAsync("changePlannedTargets", "ChangePlannedTargetsInput",
            new { clientMutationId = LogbookApi.Id(), weekStart = NextWeekText, dayNumber = item["dayNumber"]!.GetValue<int>(), exerciseId = Bench, sets = 2 });
        var before = (await client.PostGraphQLAsync(NextWeekPlan, new { w = NextWeekText })).Payload("weeklyPlan").ToJsonString();

        var response = await client.PostGraphQLAsync(Decide, new { i = new { clientMutationId = LogbookApi.Id(), proposalId = proposal["id"]!.GetValue<string>(), acceptedItems = new[] { item["index"]!.GetValue<int>() } } });
        var listed = (await client.PostGraphQLAsync($$"""query($w: Date!) { planProposals(weekStart: $w) { {{ProposalFields}} } }""", new { w = NextWeekText })).Payload("planProposals").AsArray()
            .Single(p => p!["id"]!.GetValue<string>() == proposal["id"]!.GetValue<string>())!;

        Assert.Equal("PROPOSAL_STALE", response.FirstErrorCode);
        Assert.Equal(before, (await client.PostGraphQLAsync(NextWeekPlan, new { w = NextWeekText })).Payload("weeklyPlan").ToJsonString());
        Assert.Equal("OPEN", listed["status"]!.GetValue<string>());
        Assert.True(listed["stale"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Only_the_athlete_decides_and_only_a_linked_coach_proposes_by_hand()
    {
        using var athlete = await api.CreateClientForAsync(DemoUsers.Athlete);
        using var coach = await api.CreateClientForAsync(DemoUsers.Coach);
        using var other = await api.CreateClientForAsync(await api.CreateUserAsync(UserRole.Athlete));
        using var stranger = await api.CreateClientForAsync(await api.CreateUserAsync(UserRole.Coach));
        await NewPlanVersionAsync(athlete);
        var plan = (await athlete.PostGraphQLAsync(NextWeekPlan, new { w = NextWeekText })).Payload("weeklyPlan");
        var day = plan["days"]![0]!;
        var first = day["exercises"]![0]!["exercise"]!["id"]!.GetValue<string>();
        var handInput = (string cmid) => new
        {
            clientMutationId = cmid,
            athleteId = DemoUsers.Athlete.Id,
            weekStart = NextWeekText,
            summary = "Lighter first lift",
            items = new[] { new { kind = "CHANGE_TARGETS", dayNumber = day["dayNumber"]!.GetValue<int>(), exerciseId = first, sets = 2, why = "You told me your week is busy: 2 sets." } },
        };

        var byCoach = (await coach.PostGraphQLAsync(Propose, new { i = handInput(LogbookApi.Id()) })).Payload("proposePlanChanges")["proposal"]!;
        var byStranger = await stranger.PostGraphQLAsync(Propose, new { i = handInput(LogbookApi.Id()) });
        var byAthlete = await athlete.PostGraphQLAsync(Propose, new { i = handInput(LogbookApi.Id()) });
        var decideInput = (string cmid) => new { i = new { clientMutationId = cmid, proposalId = byCoach["id"]!.GetValue<string>(), acceptedItems = new[] { 0 } } };
        var coachDecides = await coach.PostGraphQLAsync(Decide, decideInput(LogbookApi.Id()));
        var otherDecides = await other.PostGraphQLAsync(Decide, decideInput(LogbookApi.Id()));
        var otherReads = await other.PostGraphQLAsync($$"""query($id: ID!) { planProposal(id: $id) { id } }""", new { id = byCoach["id"]!.GetValue<string>() });
        var unknownDecides = await athlete.PostGraphQLAsync(Decide, new { i = new { clientMutationId = LogbookApi.Id(), proposalId = Guid.NewGuid(), acceptedItems = new[] { 0 } } });
        var athleteDecides = (await athlete.PostGraphQLAsync(Decide, decideInput(LogbookApi.Id()))).Payload("decidePlanProposal");

        Assert.Equal("COACH", byCoach["author"]!.GetValue<string>());
        Assert.Equal(2, byCoach["items"]![0]!["after"]!["sets"]!.GetValue<int>());
        Assert.Equal("FORBIDDEN", byStranger.FirstErrorCode);
        Assert.Equal("FORBIDDEN", byAthlete.FirstErrorCode);
        Assert.Equal("FORBIDDEN", coachDecides.FirstErrorCode);
        Assert.Equal("FORBIDDEN", otherDecides.FirstErrorCode);
        Assert.Equal("FORBIDDEN", otherReads.FirstErrorCode);
        Assert.Equal(otherDecides.Errors![0]!["message"]!.GetValue<string>(), unknownDecides.Errors![0]!["message"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", unknownDecides.FirstErrorCode);
        Assert.Equal("ACCEPTED", athleteDecides["proposal"]!["status"]!.GetValue<string>());
        Assert.Equal(2, Targets(athleteDecides["plan"]!, day["dayNumber"]!.GetValue<int>(), first).Count);
    }

    [Theory]
    [InlineData("SWAP", "no-such-lift", null, "NOT_FOUND", null)]
    [InlineData("CHANGE_TARGETS", null, 9, "VALIDATION", "items[0].sets")]
    [InlineData("SKIP", null, null, "VALIDATION", "items[0].dayNumber")]
    public async Task A_hand_written_change_that_is_not_a_valid_plan_edit_is_refused_and_nothing_is_stored(string kind, string? withExerciseId, int? sets, string code, string? field)
    {
        using var athlete = await api.CreateClientForAsync(DemoUsers.Athlete);
        using var coach = await api.CreateClientForAsync(DemoUsers.Coach);
        var plan = (await athlete.PostGraphQLAsync(NextWeekPlan, new { w = NextWeekText })).Payload("weeklyPlan");
        await using var db = await api.CreateDbAsync();
        var count = await db.PlanProposals.CountAsync();

        var response = await coach.PostGraphQLAsync(Propose, new
        {
            i = new
            {
                clientMutationId = LogbookApi.Id(),
                athleteId = DemoUsers.Athlete.Id,
                weekStart = NextWeekText,
                summary = "Bad",
                items = new[]
                {
                    new
                    {
                        kind,
                        dayNumber = kind == "SKIP" ? 9 : 1,
                        exerciseId = plan["days"]![0]!["exercises"]![0]!["exercise"]!["id"]!.GetValue<string>(),
                        withExerciseId,
                        sets,
                        why = "because",
                    },
                },
            },
        });

        Assert.Equal(code, response.FirstErrorCode);
        Assert.Equal(field, response.ErrorField());
        Assert.Equal(count, await db.PlanProposals.CountAsync());
    }

    /// <summary>Bumps next week's edits version (a reset), so the coach's next proposal is made from a version no earlier test decided on.</summary>
    private async Task NewPlanVersionAsync(HttpClient client) =>
        Assert.Null((await client.EditPlanAsync("resetWeeklyPlan", "ResetWeeklyPlanInput", new { clientMutationId = LogbookApi.Id(), weekStart = NextWeekText })).Errors);

    private static async Task<JsonNode> AskAsync(HttpClient client)
    {
        var proposal = (await client.PostGraphQLAsync(AskCoach, new { q = "What should I change next week?" })).Payload("coach")["proposal"]!;
        Assert.Equal("OPEN", proposal["status"]!.GetValue<string>());
        return proposal;
    }

    private static List<JsonNode> BenchItems(JsonNode proposal) =>
        [.. proposal["items"]!.AsArray().Where(i => i!["exercise"]!["id"]!.GetValue<string>() == Bench).Select(i => i!)];

    private static JsonArray Targets(JsonNode plan, int day, string exerciseId) =>
        plan["days"]!.AsArray().Single(d => d!["dayNumber"]!.GetValue<int>() == day)!["exercises"]!.AsArray()
            .Single(e => e!["exercise"]!["id"]!.GetValue<string>() == exerciseId)!["targetSets"]!.AsArray();
}
