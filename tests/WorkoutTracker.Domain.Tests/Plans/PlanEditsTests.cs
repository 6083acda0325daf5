using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using static WorkoutTracker.Domain.Tests.Plans.Profiles;

namespace WorkoutTracker.Domain.Tests.Plans;

public class PlanEditsTests
{
    private static readonly IReadOnlyDictionary<string, Exercise> Catalog = ExerciseCatalog.All.ToDictionary(e => e.Id, StringComparer.Ordinal);

    private static WeeklyPlan Apply(WeeklyPlan plan, params PlanEdit[] edits) =>
        PlanEdits.Apply(plan, edits, Catalog, PlanEditPlanner.For(FullGym(3), plan, NoProgress));

    [Fact]
    public void A_swap_keeps_the_sets_and_plans_the_new_exercise_from_its_own_progression()
    {
        var plan = Generate(FullGym(3));
        var original = plan.Days[0].Exercises[0];
        var replacement = ExerciseSwaps.Rank(Catalog[original.ExerciseId], Catalog.Values, FullGym(3).CanDo)
            .First(e => plan.Days[0].Exercises.All(p => p.ExerciseId != e.Id));

        var swapped = Apply(plan, new PlanEdit(PlanEditKind.Swap, 1, original.ExerciseId, WithExerciseId: replacement.Id)).Days[0].Exercises[0];

        Assert.Equal(replacement.Id, swapped.ExerciseId);
        Assert.Equal(original.ExerciseId, swapped.SwappedFromExerciseId);
        Assert.Equal(original.TargetSets.Count, swapped.TargetSets.Count);
        Assert.Equal(original.Role, swapped.Role);
    }

    [Fact]
    public void An_edit_whose_exercise_left_the_plan_is_passed_over()
    {
        var plan = Generate(FullGym(3));
        var first = plan.Days[0].Exercises[0].ExerciseId;

        var edited = Apply(plan, new PlanEdit(PlanEditKind.Skip, 1, first), new PlanEdit(PlanEditKind.Skip, 1, first), new PlanEdit(PlanEditKind.Skip, 9, first));

        Assert.Equal(plan.Days[0].Exercises.Skip(1).Select(e => e.ExerciseId), edited.Days[0].Exercises.Select(e => e.ExerciseId));
        Assert.Equal(plan.Days[1].Exercises, edited.Days[1].Exercises);
    }

    [Fact]
    public void A_superset_puts_its_exercises_side_by_side_and_a_skip_dissolves_a_superset_of_one()
    {
        var plan = Generate(FullGym(3));
        var ids = plan.Days[0].Exercises.Select(e => e.ExerciseId).ToList();

        var grouped = Apply(plan, new PlanEdit(PlanEditKind.Superset, 1, ids[0], ExerciseIds: [ids[0], ids[^1]]));
        var skipped = Apply(plan, new PlanEdit(PlanEditKind.Superset, 1, ids[0], ExerciseIds: [ids[0], ids[^1]]), new PlanEdit(PlanEditKind.Skip, 1, ids[^1]));

        Assert.Equal([ids[0], ids[^1]], grouped.Days[0].Exercises.Take(2).Select(e => e.ExerciseId));
        Assert.All(grouped.Days[0].Exercises.Take(2), e => Assert.Equal("A", e.SupersetGroup));
        Assert.All(skipped.Days[0].Exercises, e => Assert.Null(e.SupersetGroup));
    }

    [Fact]
    public void Check_names_the_field_that_keeps_an_edit_from_applying()
    {
        var plan = Generate(FullGym(3));
        var planned = plan.Days[0].Exercises[0].ExerciseId;

        var targets = Assert.Throws<ValidationException>(() => PlanEdits.Check(plan, new PlanEdit(PlanEditKind.ChangeTargets, 1, planned, RepsMin: 10, RepsMax: 8), Catalog));
        var day = Assert.Throws<ValidationException>(() => PlanEdits.Check(plan, new PlanEdit(PlanEditKind.Skip, 8, planned), Catalog));
        var twice = Assert.Throws<ValidationException>(() => PlanEdits.Check(plan, new PlanEdit(PlanEditKind.Add, 1, planned), Catalog));

        Assert.Equal("repsMax", targets.Field);
        Assert.Equal("dayNumber", day.Field);
        Assert.Equal("exerciseId", twice.Field);
    }
}
