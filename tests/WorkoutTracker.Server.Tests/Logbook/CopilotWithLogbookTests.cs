using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;

namespace WorkoutTracker.Server.Tests.Logbook;

/// <summary>The Copilot follows the week as edited and advises on custom exercises like any other.</summary>
public sealed class CopilotWithLogbookTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    private const string Copilot = "query($s: ID!) { copilot(sessionId: $s) { nextSet { exerciseId setNumber } } }";

    [Fact]
    public async Task The_copilot_suggests_the_swapped_in_exercise_and_answers_after_a_custom_exercise_set()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var plan = await client.PlanAsync();
        var first = plan.ExerciseIds(1)[0];
        var swaps = (await client.PostGraphQLAsync("query($e: ID!) { exerciseSwaps(exerciseId: $e, first: 20) { id } }", new { e = first })).Payload("exerciseSwaps").AsArray();
        var replacement = swaps.Select(s => s!["id"]!.GetValue<string>()).First(id => !plan.ExerciseIds(1).Contains(id));
        await client.EditPlanAsync("swapPlannedExercise", "SwapPlannedExerciseInput", new { clientMutationId = LogbookApi.Id(), dayNumber = 1, exerciseId = first, withExerciseId = replacement });
        var custom = (await client.PostGraphQLAsync(LogbookApi.CreateExercise, new
        {
            input = new { clientMutationId = LogbookApi.Id(), name = "Mini Band Rear Fly", pattern = "HORIZONTAL_PULL", loading = "BODYWEIGHT", primaryMuscles = new[] { "REAR_DELTS" } },
        })).Payload("createExercise")["exercise"]!["id"]!.GetValue<string>();
        var sessionId = (await client.PostGraphQLAsync(SessionApi.StartSession, new { input = new { clientMutationId = LogbookApi.Id(), planDayNumber = 1 } }))
            .Payload("startSession")["session"]!["id"]!.GetValue<string>();

        var before = await client.PostGraphQLAsync(Copilot, new { s = sessionId });
        await client.LogTypedSetAsync(sessionId, custom, 0m, 15);
        var after = await client.PostGraphQLAsync(Copilot, new { s = sessionId });

        Assert.Null(before.Errors);
        Assert.Equal(replacement, before.Payload("copilot")["nextSet"]!["exerciseId"]!.GetValue<string>());
        Assert.Null(after.Errors);
        Assert.NotNull(after.Payload("copilot")["nextSet"]);
    }
}
