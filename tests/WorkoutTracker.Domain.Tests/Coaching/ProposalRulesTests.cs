using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Coaching.Proposals;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Progression;
using static WorkoutTracker.Domain.Tests.Plans.Profiles;

namespace WorkoutTracker.Domain.Tests.Coaching;

/// <summary>The offline coach's rules for proposing changes: stall → deload, low volume → a set more, missing equipment → swap; every item a plan edit that applies.</summary>
public class ProposalRulesTests
{
    private static readonly Dictionary<string, Exercise> Catalog = ExerciseCatalog.All.ToDictionary(e => e.Id, StringComparer.Ordinal);

    private static readonly DateOnly LastWeek = IsoWeeks.MondayOf(Week).AddDays(-7);

    private static ProposalFacts Facts(
        WeeklyPlan plan, TrainingProfile profile, IReadOnlyDictionary<string, IReadOnlyList<E1rmPoint>>? e1rms = null, IReadOnlyList<MuscleVolume>? lastWeek = null) =>
        new(plan, profile, plan.NewProgress.ToDictionary(p => p.ExerciseId, StringComparer.Ordinal), e1rms ?? new Dictionary<string, IReadOnlyList<E1rmPoint>>(),
            new BodyMapView(Guid.Empty, LastWeek, 1, lastWeek ?? [.. Enum.GetValues<MuscleGroup>().Select(m => new MuscleVolume(m, 8, 80, 4000))]), Catalog);

    /// <summary>Each item applies, in order, as a manual edit would (the same check).</summary>
    private static void AssertEachApplies(WeeklyPlan plan, TrainingProfile profile, IReadOnlyList<ProposalItemDraft> items)
    {
        var current = plan;
        foreach (var item in items)
        {
            PlanEdits.Check(current, item.Edit, Catalog);
            current = PlanEdits.Apply(current, [item.Edit], Catalog, PlanEditPlanner.For(profile, plan, NoProgress));
        }
    }

    [Fact]
    public void Nothing_stalled_short_or_missing_proposes_nothing()
    {
        var profile = FullGym(3, TrainingGoal.Strength, ExperienceLevel.Beginner);
        var plan = Generate(profile);

        var (summary, items) = ProposalRules.Propose(Facts(plan, profile));

        Assert.Empty(items);
        Assert.Equal("Nothing to change", summary);
    }

    [Fact]
    public void A_main_lift_without_a_new_best_e1rm_in_three_sessions_is_deloaded_to_90_percent_rounded_down_on_every_day_it_is_planned()
    {
        var profile = FullGym(3, TrainingGoal.Strength, ExperienceLevel.Beginner);
        var plan = Generate(profile);
        var main = plan.AllExercises().First(e => e.Role == ExerciseRole.Main);
        E1rmPoint[] flat = [new(new(2026, 2, 2), 70m, 60m, 5), new(new(2026, 2, 4), 72m, 62.5m, 5), new(new(2026, 2, 9), 71m, 62.5m, 4), new(new(2026, 2, 11), 70.5m, 62.5m, 4), new(new(2026, 2, 16), 72m, 62.5m, 4)];

        var (_, items) = ProposalRules.Propose(Facts(plan, profile, new Dictionary<string, IReadOnlyList<E1rmPoint>> { [main.ExerciseId] = flat }));

        var days = plan.Days.Where(d => d.Exercises.Any(e => e.ExerciseId == main.ExerciseId)).Select(d => d.DayNumber).ToList();
        var deloads = items.Where(i => i.Edit.ExerciseId == main.ExerciseId).ToList();
        Assert.Equal(days, deloads.Select(i => i.Edit.DayNumber));
        Assert.All(deloads, item =>
        {
            var planned = plan.Days.Single(d => d.DayNumber == item.Edit.DayNumber).Exercises.Single(e => e.ExerciseId == main.ExerciseId).TargetSets[0];
            Assert.Equal(PlanEditKind.ChangeTargets, item.Edit.Kind);
            Assert.Equal(LoadRounding.Round(planned.Load * 0.9m, LoadImplements.For(Catalog[main.ExerciseId]), profile.LoadingSetup, RoundingDirection.Down), item.Edit.Load);
            Assert.Contains("no new best e1RM in its last 3 sessions (best 72 kg on 2026-02-04)", item.Why, StringComparison.Ordinal);
            Assert.Contains(item.Citations, c => c.Ref == $"{main.ExerciseId}:2026-02-04:e1rmKg" && c.Value == 72m);
        });
        AssertEachApplies(plan, profile, items);
    }

    [Fact]
    public void A_muscle_under_its_weekly_sets_gets_one_more_set_of_an_exercise_training_it()
    {
        var profile = FullGym(3, TrainingGoal.Strength, ExperienceLevel.Beginner);
        var plan = Generate(profile);
        var accessory = plan.AllExercises().First(e => e.Role == ExerciseRole.Accessory && e.TargetSets.Count < PlanEdits.MaxSets);
        var muscle = Catalog[accessory.ExerciseId].PrimaryMuscles[0];
        var volume = Enum.GetValues<MuscleGroup>().Select(m => new MuscleVolume(m, m == muscle ? 2 : 8, 80, 4000)).ToList();

        var (_, items) = ProposalRules.Propose(Facts(plan, profile, lastWeek: volume));

        var item = Assert.Single(items);
        Assert.Equal(PlanEditKind.ChangeTargets, item.Edit.Kind);
        Assert.Contains(Catalog[item.Edit.ExerciseId].PrimaryMuscles, m => m == muscle);
        var planned = plan.Days.Single(d => d.DayNumber == item.Edit.DayNumber).Exercises.Single(e => e.ExerciseId == item.Edit.ExerciseId);
        Assert.Equal(planned.TargetSets.Count + 1, item.Edit.Sets);
        Assert.Contains(item.Citations, c => c.Kind == Server.Coaching.Agent.CitationKind.BodyMap && c.Value == 2);
        AssertEachApplies(plan, profile, items);
    }

    [Fact]
    public void An_exercise_the_equipment_cannot_do_is_swapped_for_one_it_can()
    {
        var gym = FullGym(3);
        var plan = Generate(gym);
        var home = gym with { Equipment = gym.Equipment.Where(e => e != Equipment.Barbell).ToHashSet() };

        var (_, items) = ProposalRules.Propose(Facts(plan, home));

        var needsBar = plan.Days.SelectMany(d => d.Exercises.Where(e => Catalog[e.ExerciseId].Equipment.Contains(Equipment.Barbell)).Select(e => (d.DayNumber, e.ExerciseId))).ToList();
        Assert.NotEmpty(needsBar);
        Assert.Equal(needsBar, items.Select(i => (i.Edit.DayNumber, i.Edit.ExerciseId)));
        Assert.All(items, i =>
        {
            Assert.Equal(PlanEditKind.Swap, i.Edit.Kind);
            Assert.True(home.CanDo(Catalog[i.Edit.WithExerciseId!]), i.Edit.WithExerciseId);
            Assert.Contains("barbell", i.Why, StringComparison.Ordinal);
        });
        AssertEachApplies(plan, home, items);
    }

    [Theory]
    [InlineData(new[] { 60, 62, 64 }, 0)]
    [InlineData(new[] { 60, 65, 64, 63 }, 2)]
    [InlineData(new[] { 70, 65, 66, 69, 70 }, 4)]
    public void Sessions_without_progress_count_back_to_the_last_new_best(int[] e1rms, int flat) =>
        Assert.Equal(flat, ProposalRules.SessionsWithoutProgress([.. e1rms.Select((e, i) => new E1rmPoint(new DateOnly(2026, 1, 1).AddDays(i), e, e, 1))]));
}
