using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.CoachEvaluation;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Tests.Coaching;

/// <summary>
/// The coach's evaluation set (bench/coach-eval/coach-eval.json) against the offline coach: every case
/// must hold every property that applies to it (intent, cited refs, true citations, every number cited,
/// the athlete's units, nothing of another athlete, words, patterns to avoid, length). The same set and
/// evaluators score a model in bench/coach-eval/run.sh.
/// </summary>
public sealed class CoachEvaluationTests(CoachEvaluationTests.Api api) : IClassFixture<CoachEvaluationTests.Api>
{
    /// <summary>The pinned server with the set's four athletes and the coach.</summary>
    public sealed class Api : PinnedCoachApi
    {
        public CoachEvalRunner Runner { get; private set; } = null!;

        public IReadOnlyDictionary<string, EvalPerson> People { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            People = await EvalAthletes.SeedAsync(Host.Services, Set.Today);
            Runner = new CoachEvalRunner(Set, People, Host.BaseAddress, Host.Services);
        }
    }

    public static TheoryData<string> Cases => [.. CoachEvalSet.Load().Cases.Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_offline_coach_holds_every_property_of_the_case(string id)
    {
        var @case = api.Set.Cases.Single(c => c.Id == id);

        var result = await api.Runner.RunAsync(@case);

        Assert.Equal("OFFLINE", result.Answer.Source);
        Assert.NotEmpty(result.Metrics);
        Assert.True(result.Passed, $"{string.Join("\n", result.Failures)}\n\nAnswer: {result.Answer.Text}");
    }

    [Fact]
    public async Task The_set_asks_at_least_forty_questions_over_four_athletes_with_different_histories()
    {
        var set = api.Set;
        var byAthlete = set.Cases.GroupBy(c => c.Athlete).ToDictionary(g => g.Key, g => g.ToList());

        Assert.True(set.Cases.Count >= 40, $"{set.Cases.Count} questions");
        Assert.Equal(set.Cases.Count, set.Cases.Select(c => c.Id).Distinct().Count());
        Assert.Equal([EvalAthletes.Beginner, EvalAthletes.Linked, EvalAthletes.NoHistory, EvalAthletes.RpeInPounds], byAthlete.Keys.Order());
        Assert.All(byAthlete.Values, cases => Assert.True(cases.Count >= 6, $"{cases[0].Athlete}: {cases.Count} questions"));
        Assert.All(byAthlete[EvalAthletes.Linked], c => Assert.True(c.AskedByCoach, c.Id));
        Assert.Equal(WeightUnit.Lb, api.People[EvalAthletes.RpeInPounds].Units);
        Assert.Equal(DayOfWeek.Wednesday, set.Today.DayOfWeek);
        Assert.Contains(set.Cases, c => c.Intent == "Pain" && c.AvoidPatternsOrNone.Count > 0);
        Assert.Contains(set.Cases, c => c.Intent == "Volume" && c.CitesOrNone.Any(r => r.Contains("{lastWeek}", StringComparison.Ordinal)) && c.CitesOrNone.Any(r => r.Contains("{thisWeek}", StringComparison.Ordinal)));
        Assert.Contains(set.Cases, c => c.Intent == "OutOfScope");

        await using var db = await api.Host.Services.GetRequiredService<IDbContextFactory<WorkoutDb>>().CreateDbContextAsync();
        var monday = new DateTimeOffset(set.ThisWeek.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        async Task<(int Before, int ThisWeek)> SessionsOf(string key)
        {
            var id = api.People[key].Id;
            return (await db.Sessions.CountAsync(s => s.AthleteId == id && s.StartedAt < monday), await db.Sessions.CountAsync(s => s.AthleteId == id && s.StartedAt >= monday));
        }

        Assert.Equal((18, 0), await SessionsOf(EvalAthletes.Beginner));
        Assert.Equal((16, 2), await SessionsOf(EvalAthletes.RpeInPounds));
        Assert.Equal((0, 0), await SessionsOf(EvalAthletes.NoHistory));
        Assert.Equal((9, 0), await SessionsOf(EvalAthletes.Linked));
    }
}
