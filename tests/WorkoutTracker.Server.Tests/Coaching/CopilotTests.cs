using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Progression.Schemes;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;
using WorkoutTracker.Server.Tests.WebSockets;

namespace WorkoutTracker.Server.Tests.Coaching;

/// <summary>The copilot over GraphQL: the next set from the plan, the engine and today's sets; swaps; pushes after each logged set.</summary>
public sealed class CopilotTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    private const string Squat = "barbell-back-squat";

    private const string CopilotQuery = """
        query Copilot($sessionId: ID!, $equipmentTaken: [Equipment!]) {
          copilot(sessionId: $sessionId, equipmentTaken: $equipmentTaken) {
            sessionVersion restSeconds rationale
            nextSet { exerciseId setNumber loadKg reps rpe }
            swap { exerciseId name replacesExerciseId }
          }
        }
        """;

    [Fact]
    public async Task An_rpe_overshoot_lowers_the_next_load()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = await StartPlanDayAsync(client, 1);
        var target = (await PlanDayAsync(DemoUsers.Athlete.Id, 1))[0];
        var first = target.TargetSets[0];

        var before = await CopilotAsync(client, sessionId);
        await client.LogSetAsync(sessionId, exerciseId: target.ExerciseId, loadKg: first.Load, reps: first.RepsMin, rpe: first.Rpe + 1.5m);
        var after = await CopilotAsync(client, sessionId);

        Assert.Equal(target.ExerciseId, before["nextSet"]!["exerciseId"]!.GetValue<string>());
        Assert.Equal(first.Load, before["nextSet"]!["loadKg"]!.GetValue<decimal>());
        var next = after["nextSet"]!;
        Assert.Equal(target.ExerciseId, next["exerciseId"]!.GetValue<string>());
        Assert.Equal(2, next["setNumber"]!.GetValue<int>());
        Assert.True(next["loadKg"]!.GetValue<decimal>() < first.Load, after.ToJsonString());
        Assert.Equal(first.RepsMin, next["reps"]!.GetValue<int>());
        Assert.Contains("above the target", after["rationale"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(after["restSeconds"]!.GetValue<int>() > before["restSeconds"]!.GetValue<int>(), "a set at RPE 9.5 earns a longer rest");
    }

    [Fact]
    public async Task All_sets_at_the_top_of_the_range_raise_the_load_by_the_athletes_double_progression()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var profile = await client.PostGraphQLAsync(
            "mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { profile { goal } } }",
            new { input = new { clientMutationId = Guid.NewGuid().ToString(), goal = "HYPERTROPHY" } });
        Assert.True(profile.Errors is null, profile.ToString());
        var sessionId = await StartPlanDayAsync(client, 1);
        var planned = (await PlanDayAsync(athlete.Id, 1))[0];
        var scheme = Assert.IsType<DoubleProgression>(planned.Scheme);
        var target = planned.TargetSets[0];
        var exercise = (await api.Services.GetRequiredService<ExerciseCatalogCache>().AllAsync()).Single(e => e.Id == planned.ExerciseId);

        await client.LogSetAsync(sessionId, exerciseId: planned.ExerciseId, loadKg: target.Load, reps: target.RepsMax, rpe: target.Rpe);
        await client.LogSetAsync(sessionId, exerciseId: planned.ExerciseId, loadKg: target.Load, reps: target.RepsMax, rpe: target.Rpe - 0.5m);
        var suggestion = await CopilotAsync(client, sessionId);

        var next = suggestion["nextSet"]!;
        var raised = scheme.Increment.Increase(target.Load, LoadImplements.For(exercise), LoadingSetup.DefaultKg);
        Assert.True(raised > target.Load);
        Assert.Equal(planned.ExerciseId, next["exerciseId"]!.GetValue<string>());
        Assert.Equal(3, next["setNumber"]!.GetValue<int>());
        Assert.Equal(raised, next["loadKg"]!.GetValue<decimal>());
        Assert.Equal(scheme.RepsMin, next["reps"]!.GetValue<int>());
        Assert.Contains("double progression", suggestion["rationale"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_swap_trains_the_same_primary_muscle_with_the_equipment_left()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = await StartPlanDayAsync(client, 1);
        var catalog = (await api.Services.GetRequiredService<ExerciseCatalogCache>().AllAsync()).ToDictionary(e => e.Id);
        var profile = (await api.Services.GetRequiredService<ProfileService>().GetAsync(DemoUsers.Athlete.Id, CancellationToken.None)).ToTrainingProfile();
        var squat = catalog[Squat];

        var unaffected = await CopilotAsync(client, sessionId, ["CABLE"]);
        var swapped = await CopilotAsync(client, sessionId, ["SQUAT_RACK", "BARBELL"]);

        Assert.Equal(Squat, unaffected["nextSet"]!["exerciseId"]!.GetValue<string>());
        Assert.Null(unaffected["swap"]);
        var swap = swapped["swap"]!;
        Assert.Equal(Squat, swap["replacesExerciseId"]!.GetValue<string>());
        var replacement = catalog[swap["exerciseId"]!.GetValue<string>()];
        Assert.Contains(squat.PrimaryMuscles[0], replacement.PrimaryMuscles);
        Assert.DoesNotContain(Equipment.SquatRack, replacement.Equipment);
        Assert.DoesNotContain(Equipment.Barbell, replacement.Equipment);
        Assert.All(replacement.Equipment, item => Assert.True(profile.Has(item), $"{replacement.Id} needs {item}"));
        Assert.Equal(replacement.Id, swapped["nextSet"]!["exerciseId"]!.GetValue<string>());
        Assert.Contains(replacement.Name, swapped["rationale"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopilotUpdated_pushes_a_fresh_suggestion_after_each_logged_set()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = await StartPlanDayAsync(client, 1);
        var target = (await PlanDayAsync(DemoUsers.Athlete.Id, 1))[0];
        var first = target.TargetSets[0];
        using var socket = await ConnectAsync(await api.GetTokenAsync(DemoUsers.Athlete.Email, DemoUsers.Athlete.Password));
        await socket.SubscribeAsync("copilot", """
            subscription Live($sessionId: ID!) { copilotUpdated(sessionId: $sessionId) { sessionId sessionVersion nextSet { exerciseId setNumber loadKg reps } rationale } }
            """, new { sessionId });
        await api.WaitForSessionSubscribersAsync(1);

        var logged = (await client.LogSetAsync(sessionId, exerciseId: target.ExerciseId, loadKg: first.Load, reps: first.RepsMin, rpe: first.Rpe)).Payload("logSet");
        var firstPush = await NextPushAsync(socket);
        await client.PostGraphQLAsync(SessionApi.UpdateSet, new { input = new { clientMutationId = Guid.NewGuid().ToString(), setId = logged["setId"]!.GetValue<string>(), loadKg = first.Load, reps = first.RepsMin, rpe = first.Rpe } });
        await client.LogSetAsync(sessionId, exerciseId: target.ExerciseId, loadKg: first.Load, reps: first.RepsMin, rpe: first.Rpe + 1.5m);
        var secondPush = await NextPushAsync(socket);

        Assert.Equal(sessionId, firstPush["sessionId"]!.GetValue<string>());
        Assert.Equal(2, firstPush["nextSet"]!["setNumber"]!.GetValue<int>());
        Assert.Equal(first.Load, firstPush["nextSet"]!["loadKg"]!.GetValue<decimal>());
        // The update in between pushed nothing: the next push is the second logged set's, at a later version.
        Assert.Equal(3, secondPush["nextSet"]!["setNumber"]!.GetValue<int>());
        Assert.True(secondPush["nextSet"]!["loadKg"]!.GetValue<decimal>() < first.Load);
        Assert.Equal(firstPush["sessionVersion"]!.GetValue<int>() + 2, secondPush["sessionVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task Only_the_athlete_and_a_linked_coach_get_suggestions()
    {
        var stranger = await api.CreateUserAsync(UserRole.Athlete);
        using var owner = await api.CreateClientForAsync(DemoUsers.Athlete);
        using var coach = await api.CreateClientForAsync(DemoUsers.Coach);
        using var strangerClient = await api.CreateClientForAsync(stranger);
        var sessionId = await StartPlanDayAsync(owner, 2);

        var forCoach = await coach.PostGraphQLAsync(CopilotQuery, new { sessionId });
        var forStranger = await strangerClient.PostGraphQLAsync(CopilotQuery, new { sessionId });
        var unknown = await owner.PostGraphQLAsync(CopilotQuery, new { sessionId = Guid.NewGuid() });

        Assert.True(forCoach.Errors is null, forCoach.ToString());
        Assert.NotNull(forCoach.Data!["copilot"]!["nextSet"]);
        Assert.Equal("FORBIDDEN", forStranger.FirstErrorCode);
        Assert.Equal("NOT_FOUND", unknown.FirstErrorCode);
    }

    private async Task<IReadOnlyList<PlannedExercise>> PlanDayAsync(Guid athleteId, int day)
    {
        var today = DateOnly.FromDateTime(api.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var plan = await api.Services.GetRequiredService<WeeklyPlanService>().GetAsync(athleteId, today, CancellationToken.None);
        return plan.Plan.Days.Single(d => d.DayNumber == day).Exercises;
    }

    private static async Task<string> StartPlanDayAsync(HttpClient client, int day)
    {
        var started = await client.PostGraphQLAsync(SessionApi.StartSession, new { input = new { clientMutationId = Guid.NewGuid().ToString(), planDayNumber = day } });
        return started.Payload("startSession")["session"]!["id"]!.GetValue<string>();
    }

    private static async Task<JsonNode> CopilotAsync(HttpClient client, string sessionId, string[]? equipmentTaken = null)
    {
        var response = await client.PostGraphQLAsync(CopilotQuery, new { sessionId, equipmentTaken });
        Assert.True(response.Errors is null, response.ToString());
        return response.Data!["copilot"]!;
    }

    private async Task<GraphQLWsTestClient> ConnectAsync(string token)
    {
        var webSockets = api.Server.CreateWebSocketClient();
        webSockets.SubProtocols.Add("graphql-transport-ws");
        var client = GraphQLWsTestClient.Over(await webSockets.ConnectAsync(new Uri(api.Server.BaseAddress, "/graphql"), CancellationToken.None));
        await client.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + token } });
        Assert.Equal("connection_ack", (await client.ReceiveAsync())["type"]!.GetValue<string>());
        return client;
    }

    private static async Task<JsonNode> NextPushAsync(GraphQLWsTestClient socket)
    {
        var message = await socket.ReceiveAsync();
        Assert.Equal("next", message["type"]!.GetValue<string>());
        return message["payload"]!["data"]!["copilotUpdated"]!;
    }
}
