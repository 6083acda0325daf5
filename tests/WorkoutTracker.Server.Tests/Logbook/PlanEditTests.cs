using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Progression.Schemes;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;

namespace WorkoutTracker.Server.Tests.Logbook;

/// <summary>Edits of the week's plan: swap (with suggestions), skip, add, targets, supersets, reset; versioned, in the ETag, by the athlete or their coach.</summary>
public sealed class PlanEditTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    private const string Bench = "barbell-bench-press";
    private const string DumbbellBench = "dumbbell-bench-press";

    [Fact]
    public async Task Swapping_bench_press_for_a_suggested_swap_changes_the_plan_and_its_etag()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var plan = await client.PlanAsync();
        var day = plan.DayWith(Bench);
        var original = plan.ExerciseIds(day)[0];
        var etag = (await client.GetPersistedAsync("WeeklyPlan")).Headers.ETag!.ToString();

        var swaps = (await client.PostGraphQLAsync("query($e: ID!) { exerciseSwaps(exerciseId: $e) { id primaryMuscles } }", new { e = Bench })).Payload("exerciseSwaps").AsArray();
        var swapped = (await client.EditPlanAsync("swapPlannedExercise", "SwapPlannedExerciseInput",
            new { clientMutationId = LogbookApi.Id(), dayNumber = day, exerciseId = original, withExerciseId = DumbbellBench })).Payload("swapPlannedExercise");
        var after = await client.GetPersistedAsync("WeeklyPlan", ifNoneMatch: etag);

        Assert.Contains(swaps, s => s!["id"]!.GetValue<string>() == DumbbellBench);
        Assert.All(swaps, s => Assert.Contains("CHEST", s!["primaryMuscles"]!.AsArray().Select(m => m!.GetValue<string>())));
        Assert.DoesNotContain(swaps, s => s!["id"]!.GetValue<string>() == Bench);
        var planned = swapped["plan"]!["days"]!.AsArray().Single(d => d!["dayNumber"]!.GetValue<int>() == day)!["exercises"]![0]!;
        Assert.Equal(DumbbellBench, planned["exercise"]!["id"]!.GetValue<string>());
        Assert.Equal(original, planned["swappedFrom"]!["id"]!.GetValue<string>());
        Assert.True(swapped["plan"]!["isEdited"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.NotEqual(etag, after.Headers.ETag!.ToString());
        Assert.Equal(DumbbellBench, after.Data!["weeklyPlan"]!["days"]!.AsArray().Single(d => d!["dayNumber"]!.GetValue<int>() == day)!["exercises"]![0]!["exercise"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Skip_add_targets_and_superset_edit_the_day_and_reset_brings_back_the_generated_plan()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var generated = await client.PlanAsync();
        var ids = generated.ExerciseIds(1);

        await client.EditPlanAsync("skipPlannedExercise", "SkipPlannedExerciseInput", new { clientMutationId = LogbookApi.Id(), dayNumber = 1, exerciseId = ids[^1] });
        await client.EditPlanAsync("addPlannedExercise", "AddPlannedExerciseInput", new { clientMutationId = LogbookApi.Id(), dayNumber = 1, exerciseId = "plank", sets = 2 });
        await client.EditPlanAsync("changePlannedTargets", "ChangePlannedTargetsInput", new { clientMutationId = LogbookApi.Id(), dayNumber = 1, exerciseId = ids[0], sets = 5, repsMin = 5, repsMax = 5, load = 80 });
        var grouped = (await client.EditPlanAsync("groupPlannedSuperset", "GroupPlannedSupersetInput", new { clientMutationId = LogbookApi.Id(), dayNumber = 1, exerciseIds = new[] { ids[1], "plank" } })).Payload("groupPlannedSuperset");

        var day = grouped["plan"]!["days"]![0]!["exercises"]!.AsArray();
        var edited = day.Select(e => e!["exercise"]!["id"]!.GetValue<string>()).ToList();
        Assert.DoesNotContain(ids[^1], edited);
        Assert.True(day.Single(e => e!["exercise"]!["id"]!.GetValue<string>() == "plank")!["added"]!.GetValue<bool>());
        Assert.Equal(2, day.Single(e => e!["exercise"]!["id"]!.GetValue<string>() == "plank")!["targetSets"]!.AsArray().Count);
        var first = day[0]!["targetSets"]!.AsArray();
        Assert.Equal(5, first.Count);
        Assert.All(first, t => Assert.Equal((5, 5, 80.0), (t!["repsMin"]!.GetValue<int>(), t["repsMax"]!.GetValue<int>(), t["load"]!.GetValue<double>())));
        var group = day.Where(e => e!["supersetGroup"] is not null).ToList();
        Assert.Equal([ids[1], "plank"], group.Select(e => e!["exercise"]!["id"]!.GetValue<string>()));
        Assert.Equal(edited.IndexOf(ids[1]) + 1, edited.IndexOf("plank"));

        var reset = (await client.EditPlanAsync("resetWeeklyPlan", "ResetWeeklyPlanInput", new { clientMutationId = LogbookApi.Id() })).Payload("resetWeeklyPlan");
        Assert.Equal(ids, reset["plan"]!.ExerciseIds(1));
        Assert.False(reset["plan"]!["isEdited"]!.GetValue<bool>());
        Assert.Equal(5, reset["plan"]!["editsVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_replayed_edit_answers_the_plan_and_applies_nothing_twice()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var id = LogbookApi.Id();
        var input = new { clientMutationId = id, dayNumber = 1, exerciseId = "plank" };

        var first = (await client.EditPlanAsync("addPlannedExercise", "AddPlannedExerciseInput", input)).Payload("addPlannedExercise");
        var replay = (await client.EditPlanAsync("addPlannedExercise", "AddPlannedExerciseInput", input)).Payload("addPlannedExercise");
        var conflict = await client.EditPlanAsync("skipPlannedExercise", "SkipPlannedExerciseInput", input);

        Assert.False(first["replayed"]!.GetValue<bool>());
        Assert.True(replay["replayed"]!.GetValue<bool>());
        Assert.Equal(1, replay["plan"]!["editsVersion"]!.GetValue<int>());
        Assert.Single(replay["plan"]!.ExerciseIds(1), e => e == "plank");
        Assert.Equal("IDEMPOTENCY_CONFLICT", conflict.FirstErrorCode);
        await using var db = await api.CreateDbAsync();
        Assert.Equal(1, (await db.PlanEdits.SingleAsync(e => e.AthleteId == athlete.Id)).Version);
    }

    [Theory]
    [InlineData("swapPlannedExercise", "SwapPlannedExerciseInput", "not-planned", "dumbbell-bench-press", 1, null, "VALIDATION", "exerciseId")]
    [InlineData("swapPlannedExercise", "SwapPlannedExerciseInput", null, "no-such-lift", 1, null, "NOT_FOUND", null)]
    [InlineData("skipPlannedExercise", "SkipPlannedExerciseInput", null, null, 9, null, "VALIDATION", "dayNumber")]
    [InlineData("changePlannedTargets", "ChangePlannedTargetsInput", null, null, 1, 7, "VALIDATION", "sets")]
    [InlineData("addPlannedExercise", "AddPlannedExerciseInput", "no-such-lift", null, 1, null, "NOT_FOUND", null)]
    public async Task An_edit_that_cannot_apply_is_refused_with_its_code_and_stores_nothing(
        string field, string inputType, string? exerciseId, string? withExerciseId, int dayNumber, int? sets, string code, string? errorField)
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var planned = (await client.PlanAsync()).ExerciseIds(1)[0];

        var input = new Dictionary<string, object?> { ["clientMutationId"] = LogbookApi.Id(), ["dayNumber"] = dayNumber, ["exerciseId"] = exerciseId ?? planned };
        if (withExerciseId is not null)
        {
            input["withExerciseId"] = withExerciseId;
        }

        if (sets is not null)
        {
            input["sets"] = sets;
        }

        var response = await client.EditPlanAsync(field, inputType, input);

        Assert.Equal(code, response.FirstErrorCode);
        if (errorField is not null)
        {
            Assert.Equal(errorField, response.ErrorField());
        }

        await using var db = await api.CreateDbAsync();
        Assert.Equal(0, await db.PlanEdits.CountAsync(e => e.AthleteId == athlete.Id && e.Version > 0));
    }

    [Fact]
    public async Task A_linked_coach_edits_the_athletes_week_and_an_unlinked_coach_or_another_athlete_may_not()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        var coach = await api.CreateUserAsync(UserRole.Coach);
        var stranger = await api.CreateUserAsync(UserRole.Coach);
        var other = await api.CreateUserAsync(UserRole.Athlete);
        await LogbookApi.LinkAsync(api, athlete, coach);
        using var athleteClient = await api.CreateClientForAsync(athlete);
        using var coachClient = await api.CreateClientForAsync(coach);
        using var strangerClient = await api.CreateClientForAsync(stranger);
        using var otherClient = await api.CreateClientForAsync(other);
        var planned = (await athleteClient.PlanAsync()).ExerciseIds(1)[0];
        object Skip() => new { clientMutationId = LogbookApi.Id(), athleteId = athlete.Id, dayNumber = 1, exerciseId = planned };

        var byStranger = await strangerClient.EditPlanAsync("skipPlannedExercise", "SkipPlannedExerciseInput", Skip());
        var byOther = await otherClient.EditPlanAsync("skipPlannedExercise", "SkipPlannedExerciseInput", Skip());
        var byCoach = await coachClient.EditPlanAsync("skipPlannedExercise", "SkipPlannedExerciseInput", Skip());

        Assert.Equal("FORBIDDEN", byStranger.FirstErrorCode);
        Assert.Equal("FORBIDDEN", byOther.FirstErrorCode);
        Assert.Null(byCoach.Errors);
        Assert.DoesNotContain(planned, (await athleteClient.PlanAsync()).ExerciseIds(1));
        await using var db = await api.CreateDbAsync();
        Assert.Equal(coach.Id, (await db.PlanEdits.SingleAsync(e => e.AthleteId == athlete.Id)).UpdatedBy);
    }

    [Fact]
    public async Task Finishing_a_session_progresses_the_exercise_swapped_in()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var plan = await client.PlanAsync();
        var day = plan.DayWith(Bench);
        var original = plan.ExerciseIds(day)[0];
        var swapped = (await client.EditPlanAsync("swapPlannedExercise", "SwapPlannedExerciseInput",
            new { clientMutationId = LogbookApi.Id(), dayNumber = day, exerciseId = original, withExerciseId = DumbbellBench })).Payload("swapPlannedExercise");
        var targets = swapped["plan"]!["days"]!.AsArray().Single(d => d!["dayNumber"]!.GetValue<int>() == day)!["exercises"]![0]!["targetSets"]!.AsArray();

        var sessionId = (await client.PostGraphQLAsync(SessionApi.StartSession, new { input = new { clientMutationId = LogbookApi.Id(), planDayNumber = day } }))
            .Payload("startSession")["session"]!["id"]!.GetValue<string>();
        foreach (var target in targets)
        {
            await client.LogTypedSetAsync(sessionId, DumbbellBench, (decimal)target!["load"]!.GetValue<double>(), target["repsMax"]!.GetValue<int>());
        }

        await client.PostGraphQLAsync(SessionApi.FinishSession, new { input = new { clientMutationId = LogbookApi.Id(), sessionId } });

        await using var db = await api.CreateDbAsync();
        var progress = (await db.ExerciseProgress.SingleAsync(p => p.AthleteId == athlete.Id && p.ExerciseId == DumbbellBench)).ToProgress();
        Assert.True(progress.Version > 0, "the swapped-in exercise's progress advanced");
        Assert.Equal(0, progress.ConsecutiveFailures);
    }

    [Fact]
    public async Task An_exercise_swapped_in_without_history_starts_from_the_athletes_load_on_the_one_it_replaced_and_progresses_from_there()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        await using (var db = await api.CreateDbAsync())
        {
            db.ExerciseProgress.Add(new StoredProgress
            {
                AthleteId = athlete.Id,
                ExerciseId = Bench,
                State = StoredProgress.Serialize(new ExerciseProgress
                {
                    ExerciseId = Bench, Implement = LoadImplement.Barbell, Scheme = new LinearProgression { Reps = 5 }, Unit = WeightUnit.Kg, Load = 100m, TargetReps = 5,
                }),
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var plan = await client.PlanAsync();
        var day = plan.DayWith(Bench);
        var swapped = (await client.EditPlanAsync("swapPlannedExercise", "SwapPlannedExerciseInput",
            new { clientMutationId = LogbookApi.Id(), dayNumber = day, exerciseId = Bench, withExerciseId = DumbbellBench })).Payload("swapPlannedExercise");
        var targets = swapped["plan"]!["days"]!.AsArray().Single(d => d!["dayNumber"]!.GetValue<int>() == day)!["exercises"]!.AsArray()
            .Single(e => e!["exercise"]!["id"]!.GetValue<string>() == DumbbellBench)!["targetSets"]!.AsArray();

        // 100 kg × 5 on the bar → dumbbells for 8 reps: 100 × 0.739 / 0.811 / 2.5 × 0.9 = 32.8 → 32 kg per hand (not the 16 kg a newcomer starts at).
        Assert.All(targets, t => Assert.Equal(32m, (decimal)t!["load"]!.GetValue<double>()));

        var sessionId = (await client.PostGraphQLAsync(SessionApi.StartSession, new { input = new { clientMutationId = LogbookApi.Id(), planDayNumber = day } }))
            .Payload("startSession")["session"]!["id"]!.GetValue<string>();
        foreach (var target in targets)
        {
            await client.LogTypedSetAsync(sessionId, DumbbellBench, 32m, target!["repsMax"]!.GetValue<int>());
        }

        await client.PostGraphQLAsync(SessionApi.FinishSession, new { input = new { clientMutationId = LogbookApi.Id(), sessionId } });

        await using var check = await api.CreateDbAsync();
        var progress = (await check.ExerciseProgress.SingleAsync(p => p.AthleteId == athlete.Id && p.ExerciseId == DumbbellBench)).ToProgress();
        // Every set at the top of the range succeeded: one dumbbell step up from the estimated start, 32 → 34 kg.
        Assert.Equal(34m, progress.Load);
        Assert.Equal(0, progress.ConsecutiveFailures);
    }
}
