using System.Text.Json;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using static WorkoutTracker.Domain.Tests.Plans.Profiles;

namespace WorkoutTracker.Domain.Tests.Plans;

public class PlanDeterminismTests
{
    private static string Json(WeeklyPlan plan) => JsonSerializer.Serialize(plan);

    private static IEnumerable<string> Ids(WeeklyPlan plan, ExerciseRole? role = null) =>
        plan.AllExercises().Where(e => role is null || e.Role == role).Select(e => e.ExerciseId);

    /// <summary>A Monday that starts a rotation block.</summary>
    private static readonly DateOnly _blockStart = Enumerable.Range(0, 7 * PlanGenerator.RotationWeeks)
        .Select(d => new DateOnly(2026, 3, 2).AddDays(d))
        .First(d => d.DayOfWeek == DayOfWeek.Monday && IsoWeeks.Ordinal(d) % PlanGenerator.RotationWeeks == 0);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Same_inputs_give_an_identical_plan(int days)
    {
        var first = Json(Generate(FullGym(days)));
        var second = Json(Generate(FullGym(days)));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Catalog_order_does_not_change_the_plan()
    {
        var reversed = ExerciseCatalog.All.Reverse().ToList();

        Assert.Equal(
            Json(Generate(FullGym(5))),
            Json(PlanGenerator.Generate(FullGym(5), reversed, NoProgress, Week)));
    }

    [Fact]
    public void Any_day_of_the_week_gives_the_same_plan()
    {
        var monday = IsoWeeks.MondayOf(Week);

        Assert.All(Enumerable.Range(0, 7), d => Assert.Equal(Json(Generate(FullGym(), monday)), Json(Generate(FullGym(), monday.AddDays(d)))));
    }

    [Fact]
    public void Weeks_of_one_rotation_block_get_the_same_exercises()
    {
        var first = Generate(FullGym(4), _blockStart);

        for (var week = 1; week < PlanGenerator.RotationWeeks; week++)
        {
            Assert.Equal(Ids(first), Ids(Generate(FullGym(4), _blockStart.AddDays(7 * week))));
        }
    }

    [Fact]
    public void Accessories_rotate_between_blocks_while_main_lifts_stay()
    {
        var blocks = Enumerable.Range(0, 6).Select(b => Generate(FullGym(4), _blockStart.AddDays(7 * PlanGenerator.RotationWeeks * b))).ToList();

        Assert.All(blocks, b => Assert.Equal(Ids(blocks[0], ExerciseRole.Main), Ids(b, ExerciseRole.Main)));
        Assert.True(blocks.Select(b => string.Join(',', Ids(b))).Distinct().Count() > 1, "six blocks, always the same exercises");
    }

    [Fact]
    public void A_new_plan_version_may_rotate_accessories_but_keeps_the_main_lifts()
    {
        var versions = Enumerable.Range(1, 6).Select(v => Generate(FullGym(4) with { PlanVersion = v })).ToList();

        Assert.All(versions, v => Assert.Equal(Ids(versions[0], ExerciseRole.Main), Ids(v, ExerciseRole.Main)));
        Assert.True(versions.Select(v => string.Join(',', Ids(v))).Distinct().Count() > 1, "six plan versions, always the same exercises");
        Assert.Equal(3, versions[2].PlanVersion);
    }
}
