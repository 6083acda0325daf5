using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.CoachEvaluation;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Coaching.Agent.Offline;
using WorkoutTracker.Server.Coaching.Agent.Safety;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;

namespace WorkoutTracker.Server.Tests.Coaching;

/// <summary>
/// The three questions the built-in coach answered badly (issue 18), asked as the demo athlete on a
/// Wednesday: a sore shoulder, whether the back gets enough work, and a request for a poem. The athlete
/// trained squats and bench press on Monday this week (logged through the API with the clock on Monday),
/// so this week so far has no back work at all while last week had plenty.
/// </summary>
public sealed class CoachJudgmentTests(CoachJudgmentTests.Api api) : IClassFixture<CoachJudgmentTests.Api>
{
    private static readonly string[] BackMuscles = ["LATS", "UPPER_BACK", "LOWER_BACK", "TRAPS"];

    public sealed class Api : PinnedCoachApi
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var wednesday = Host.Clock.GetUtcNow();
            Host.Clock.Set(new DateTimeOffset(Set.ThisWeek.ToDateTime(new TimeOnly(17, 30)), TimeSpan.Zero));
            using var client = await ClientForAsync(DemoUsers.Athlete.Email, DemoUsers.Athlete.Password);
            var sessionId = await client.StartSessionAsync();
            foreach (var (exercise, load) in new[] { ("barbell-back-squat", 100m), ("barbell-bench-press", 60m) })
            {
                for (var set = 0; set < 3; set++)
                {
                    var logged = await client.LogSetAsync(sessionId, exerciseId: exercise, loadKg: load, reps: 5, rpe: 8m);
                    Assert.True(logged.Errors is null, logged.ToString());
                }
            }

            var finished = await client.PostGraphQLAsync(SessionApi.FinishSession, new { input = new { clientMutationId = Guid.NewGuid().ToString(), sessionId } });
            Assert.True(finished.Errors is null, finished.ToString());
            Host.Clock.Set(wednesday);
        }
    }

    [Fact]
    public async Task A_sore_shoulder_and_the_overhead_press_get_alternatives_that_neither_press_nor_load_the_shoulder_and_advice_to_see_a_professional()
    {
        var reply = await AskAsync("I have a sore shoulder, what can I do instead of overhead press?");
        var answer = reply.Answer;

        var named = PainRules.NamedIn(answer, ExerciseCatalog.All);
        Assert.Contains(named, e => e.Id == "barbell-overhead-press"); // the one to leave out
        var proposed = named.Where(e => e.Id != "barbell-overhead-press").ToList();
        Assert.NotEmpty(proposed);
        Assert.All(proposed, e => Assert.False(PainRules.Loads(BodyArea.Shoulder, e), $"{e.Name} ({e.Pattern}) loads the shoulder"));
        Assert.DoesNotContain(proposed, e => e.Pattern == MovementPattern.VerticalPush);
        Assert.Contains("Leave out Barbell Overhead Press", answer, StringComparison.Ordinal);
        Assert.Contains("physiotherapist or doctor", answer, StringComparison.Ordinal);
        Assert.Contains("Lower the load or shorten the range", answer, StringComparison.Ordinal);
        Assert.Contains("rest it", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(new[] { "impingement", "tendinitis", "rotator cuff tear", "you have a" }, d => answer.Contains(d, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(reply.Citations); // no load is prescribed, for the painful lift or any other
        Assert.Contains("suggest_swaps", reply.ToolCalls);
    }

    [Fact]
    public async Task Am_I_training_my_back_enough_on_a_Wednesday_judges_the_last_complete_week_and_says_this_week_is_only_so_far()
    {
        var lastWeek = api.Set.ThisWeek.AddDays(-7);
        var maps = await api.Host.Services.GetRequiredService<BodyMapReads>().LoadAsync(
            [(DemoUsers.Athlete.Id, lastWeek), (DemoUsers.Athlete.Id, api.Set.ThisWeek)], CancellationToken.None);
        var lastLats = maps[(DemoUsers.Athlete.Id, lastWeek)].Muscles.Single(m => m.Muscle == MuscleGroup.Lats).HardSets;
        var thisWeek = maps[(DemoUsers.Athlete.Id, api.Set.ThisWeek)].Muscles;
        Assert.True(lastLats >= 6m, $"last week's lats: {lastLats}");
        Assert.Equal(0m, thisWeek.Single(m => m.Muscle == MuscleGroup.Lats).HardSets);
        Assert.True(thisWeek.Single(m => m.Muscle == MuscleGroup.Quads).HardSets > 0, "Monday's squats are this week's");

        var reply = await AskAsync("Am I training my back enough?");
        var answer = reply.Answer;

        Assert.Contains($"Last complete week ({Day(lastWeek)} to {Day(lastWeek.AddDays(6))})", answer, StringComparison.Ordinal);
        Assert.Contains($"this week so far ({Day(api.Set.ThisWeek)} to today, Wednesday)", answer, StringComparison.Ordinal);
        Assert.Contains("the week is not over", answer, StringComparison.Ordinal);
        Assert.Contains("I count 6–10 hard sets per muscle a week as enough", answer, StringComparison.Ordinal);
        foreach (var muscle in BackMuscles)
        {
            Assert.Contains(reply.Citations, c => c.Ref == $"{Day(lastWeek)}:{muscle}:hardSets");
            Assert.Contains(reply.Citations, c => c.Ref == $"{Day(api.Set.ThisWeek)}:{muscle}:hardSets");
        }

        Assert.Contains(reply.Citations, c => c.Ref == $"{Day(lastWeek)}:LATS:hardSets" && c.Value == lastLats);
        Assert.Contains(reply.Citations, c => c.Ref == "STRENGTH:BEGINNER:weeklyHardSetsMin" && c.Value == 6m);
        // The verdict is on last week: lats had enough there, so this week's zero does not make them "could use more".
        var verdict = answer[answer.IndexOf("Judged on that full week", StringComparison.Ordinal)..];
        verdict = verdict[..(verdict.IndexOf('.', StringComparison.Ordinal) + 1)];
        Assert.Contains("lats", verdict, StringComparison.Ordinal);
        Assert.DoesNotContain("lats", verdict.Split(';').SingleOrDefault(p => p.Contains("could use more", StringComparison.Ordinal)) ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_me_a_poem_gets_a_short_answer_about_what_the_coach_can_do_and_no_data()
    {
        var reply = await AskAsync("Write me a poem");

        Assert.Equal(ScopeAnswer.Text, reply.Answer);
        Assert.InRange(reply.Answer.Length, 1, 300);
        Assert.Empty(reply.Citations);
        Assert.Empty(reply.ToolCalls);
        Assert.DoesNotContain("kg", reply.Answer, StringComparison.Ordinal);
    }

    private async Task<(string Answer, IReadOnlyList<(string Ref, decimal Value)> Citations, IReadOnlyList<string> ToolCalls)> AskAsync(string question)
    {
        using var client = await api.ClientForAsync(DemoUsers.Athlete.Email, DemoUsers.Athlete.Password);
        var response = await client.PostGraphQLAsync(CoachOfflineTests.CoachQuery, new { question });
        Assert.True(response.Errors is null, response.ToString());
        var reply = response.Data!["coach"]!;
        Assert.Equal("OFFLINE", reply["source"]!.GetValue<string>());
        var citations = reply["citations"]!.AsArray();
        foreach (var citation in citations)
        {
            var truth = await CitationTruth.TruthAsync(api.Host.Services, DemoUsers.Athlete.Id, citation!["kind"]!.GetValue<string>(), citation["ref"]!.GetValue<string>());
            Assert.Equal(truth, (decimal)citation["value"]!.GetValue<double>());
        }

        return (
            reply["answer"]!.GetValue<string>(),
            [.. citations.Select(c => (c!["ref"]!.GetValue<string>(), (decimal)c["value"]!.GetValue<double>()))],
            [.. reply["toolCalls"]!.AsArray().Select(t => t!.GetValue<string>())]);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
