using System.Net;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Exercises;

/// <summary><c>exercises(filter)</c> over the catalog seeded into a real database.</summary>
public sealed class ExerciseCatalogTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    private const string Query = "query Exercises($filter: ExerciseFilter) { exercises(filter: $filter) { id name primaryMuscles secondaryMuscles equipment } }";

    [Fact]
    public async Task Catalog_is_seeded_with_at_least_60_exercises()
    {
        var ids = await FindAsync(null);

        Assert.True(ids.Count >= 60, $"only {ids.Count} exercises");
        Assert.Equal(ExerciseCatalog.All.Select(e => e.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Filter_by_primary_muscle_returns_exactly_the_exercises_training_it()
    {
        var ids = await FindAsync(new { muscle = "HAMSTRINGS" });

        var expected = ExerciseCatalog.All.Where(e => e.PrimaryMuscles.Contains(MuscleGroup.Hamstrings)).Select(e => e.Id);
        Assert.Equal(expected.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Contains("romanian-deadlift", ids);
        Assert.DoesNotContain("barbell-back-squat", ids);
    }

    [Fact]
    public async Task Filter_by_muscle_including_secondary_adds_the_assisting_exercises()
    {
        var primaryOnly = await FindAsync(new { muscle = "TRICEPS" });
        var withSecondary = await FindAsync(new { muscle = "TRICEPS", includeSecondary = true });

        Assert.Contains("barbell-bench-press", withSecondary);
        Assert.DoesNotContain("barbell-bench-press", primaryOnly);
        Assert.Superset(primaryOnly.ToHashSet(), withSecondary.ToHashSet());
    }

    [Fact]
    public async Task Filter_by_available_equipment_returns_only_exercises_needing_nothing_else()
    {
        var ids = await FindAsync(new { availableEquipment = new[] { "BODYWEIGHT", "PULL_UP_BAR" } });

        var allowed = new HashSet<Equipment> { Equipment.Bodyweight, Equipment.PullUpBar };
        var expected = ExerciseCatalog.All.Where(e => e.Equipment.All(allowed.Contains)).Select(e => e.Id);
        Assert.Equal(expected.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Contains("pull-up", ids);
        Assert.DoesNotContain("barbell-back-squat", ids);
    }

    [Fact]
    public async Task Filters_combine_muscle_and_equipment()
    {
        var ids = await FindAsync(new { muscle = "CHEST", availableEquipment = new[] { "DUMBBELL", "BENCH" } });

        Assert.NotEmpty(ids);
        Assert.All(ids, id =>
        {
            var exercise = ExerciseCatalog.All.Single(e => e.Id == id);
            Assert.Contains(MuscleGroup.Chest, exercise.PrimaryMuscles);
            Assert.All(exercise.Equipment, item => Assert.Contains(item, new[] { Equipment.Dumbbell, Equipment.Bench }));
        });
        Assert.Contains("dumbbell-bench-press", ids);
    }

    [Fact]
    public async Task Search_matches_part_of_the_name_case_insensitively_and_treats_wildcards_literally()
    {
        Assert.Contains("romanian-deadlift", await FindAsync(new { search = "ROMANIAN" }));
        Assert.Empty(await FindAsync(new { search = "%" }));
    }

    [Fact]
    public async Task Unknown_enum_value_is_a_validation_error()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var response = await client.PostGraphQLAsync(Query, new { filter = new { muscle = "SPLEEN" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [Fact]
    public async Task Overlong_search_is_a_validation_error_naming_the_field()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var response = await client.PostGraphQLAsync(Query, new { filter = new { search = new string('a', 500) } });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("VALIDATION", response.FirstErrorCode);
        Assert.Equal("filter.search", response.Errors![0]!["extensions"]!["field"]!.GetValue<string>());
    }

    private async Task<List<string>> FindAsync(object? filter)
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var response = await client.PostGraphQLAsync(Query, new { filter });
        Assert.True(response.Status == HttpStatusCode.OK && response.Errors is null, response.ToString());
        return response.Data!["exercises"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()).ToList();
    }
}
