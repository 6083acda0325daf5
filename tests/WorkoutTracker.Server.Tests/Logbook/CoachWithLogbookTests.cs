using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.Coaching.Agent;
using WorkoutTracker.Server.Coaching.Agent.Plugins;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Coaching;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;

namespace WorkoutTracker.Server.Tests.Logbook;

/// <summary>
/// The coach's tools read the week as the athlete will train it (their plan edits applied) and name the
/// athlete's custom exercises, in the plugins the model calls and in the offline coach's answers.
/// </summary>
public sealed class CoachWithLogbookTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    private const string Bench = "barbell-bench-press";
    private const string DumbbellBench = "dumbbell-bench-press";
    private const string CustomName = "Zercher Box Squat";

    /// <summary>An athlete whose week has bench press swapped for dumbbell bench press, the first other exercise of that day skipped, and a custom exercise added.</summary>
    private async Task<(DemoUser Athlete, HttpClient Client, string CustomId, int Day, string Skipped)> EditedWeekAsync()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        var client = await api.CreateClientForAsync(athlete);
        var customId = (await client.PostGraphQLAsync(LogbookApi.CreateExercise, new
        {
            input = new { clientMutationId = LogbookApi.Id(), name = CustomName, pattern = "SQUAT", loading = "BARBELL", primaryMuscles = new[] { "QUADS" } },
        })).Payload("createExercise")["exercise"]!["id"]!.GetValue<string>();
        var plan = await client.PlanAsync();
        var day = plan.DayWith(Bench);
        var skipped = plan.ExerciseIds(day).First(id => id != Bench);
        await client.EditPlanAsync("swapPlannedExercise", "SwapPlannedExerciseInput", new { clientMutationId = LogbookApi.Id(), dayNumber = day, exerciseId = Bench, withExerciseId = DumbbellBench });
        await client.EditPlanAsync("skipPlannedExercise", "SkipPlannedExerciseInput", new { clientMutationId = LogbookApi.Id(), dayNumber = day, exerciseId = skipped });
        var added = await client.EditPlanAsync("addPlannedExercise", "AddPlannedExerciseInput", new { clientMutationId = LogbookApi.Id(), dayNumber = day, exerciseId = customId, sets = 2 });
        Assert.Null(added.Errors);
        return (athlete, client, customId, day, skipped);
    }

    private async Task<CoachPlugins> ToolsForAsync(DemoUser athlete)
    {
        var scope = await api.Services.GetRequiredService<CoachScopes>().ForAsync(athlete.Id, CancellationToken.None);
        return api.Services.GetRequiredService<CoachPluginFactory>().Create(scope, new CoachLedger());
    }

    [Fact]
    public async Task The_plan_tool_reads_the_week_with_its_edits_and_names_the_custom_exercise()
    {
        var (athlete, client, customId, day, skipped) = await EditedWeekAsync();
        using var _ = client;
        var tools = await ToolsForAsync(athlete);
        var scope = await api.Services.GetRequiredService<CoachScopes>().ForAsync(athlete.Id, CancellationToken.None);

        var plan = await tools.Plan.GetWeeklyPlanAsync(scope.ThisWeek, CancellationToken.None);
        var json = await tools.Plan.GetWeeklyPlanJsonAsync(cancellationToken: CancellationToken.None);

        Assert.True(plan.Edited);
        var exercises = plan.Days.Single(d => d.Day == day).Exercises;
        Assert.DoesNotContain(exercises, e => e.ExerciseId == Bench || e.ExerciseId == skipped);
        var swapped = Assert.Single(exercises, e => e.ExerciseId == DumbbellBench);
        Assert.Equal("Barbell Bench Press", swapped.InsteadOf);
        var custom = Assert.Single(exercises, e => e.ExerciseId == customId);
        Assert.Equal(CustomName, custom.Name);
        Assert.True(custom.Added);
        Assert.Equal(2, custom.Sets);
        Assert.Contains($"\"name\":\"{CustomName}\"", json, StringComparison.Ordinal);
        Assert.Contains("\"insteadOf\":\"Barbell Bench Press\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_records_trend_and_progression_tools_name_a_custom_exercise_the_athlete_trained()
    {
        var (athlete, client, customId, day, _) = await EditedWeekAsync();
        using var __ = client;
        var sessionId = (await client.PostGraphQLAsync(SessionApi.StartSession, new { input = new { clientMutationId = LogbookApi.Id(), planDayNumber = day } }))
            .Payload("startSession")["session"]!["id"]!.GetValue<string>();
        Assert.Null((await client.LogTypedSetAsync(sessionId, customId, 60m, 8)).Errors);
        Assert.Null((await client.LogTypedSetAsync(sessionId, customId, 60m, 8)).Errors);
        await client.PostGraphQLAsync(SessionApi.FinishSession, new { input = new { clientMutationId = LogbookApi.Id(), sessionId } });
        var tools = await ToolsForAsync(athlete);

        var sessions = await tools.History.GetRecentSessionsAsync(1, CancellationToken.None);
        var records = await tools.History.GetPersonalRecordsAsync(customId, CancellationToken.None);
        var trend = await tools.History.GetE1rmTrendAsync(customId, CancellationToken.None);
        var progression = await tools.Progression.GetProgressionAsync(customId, CancellationToken.None);

        Assert.Equal(CustomName, Assert.Single(sessions[0].Exercises, e => e.ExerciseId == customId).Name);
        Assert.Equal(CustomName, Assert.Single(records).Name);
        Assert.Equal(60m, records[0].HeaviestLoad.LoadKg);
        Assert.Equal(CustomName, trend.Name);
        Assert.Single(trend.Points);
        Assert.Equal(CustomName, progression.Name);
        Assert.False(progression.FreshStart, "the athlete has a progression on their own exercise");
    }

    [Fact]
    public async Task The_offline_coach_tells_the_edited_week_with_the_custom_exercise_by_name()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var customId = (await client.PostGraphQLAsync(LogbookApi.CreateExercise, new
        {
            input = new { clientMutationId = LogbookApi.Id(), name = "Spoto Press", pattern = "HORIZONTAL_PUSH", loading = "BARBELL", primaryMuscles = new[] { "CHEST" } },
        })).Payload("createExercise")["exercise"]!["id"]!.GetValue<string>();
        var day = (await client.PlanAsync()).DayWith(Bench);
        Assert.Null((await client.EditPlanAsync("swapPlannedExercise", "SwapPlannedExerciseInput", new { clientMutationId = LogbookApi.Id(), dayNumber = day, exerciseId = Bench, withExerciseId = customId })).Errors);

        var response = await client.PostGraphQLAsync(CoachOfflineTests.CoachQuery, new { question = "What's on my plan this week?" });

        Assert.Null(response.Errors);
        var answer = response.Payload("coach")["answer"]!.GetValue<string>();
        Assert.Contains("Spoto Press (instead of Barbell Bench Press)", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(customId, answer, StringComparison.Ordinal);
    }
}
