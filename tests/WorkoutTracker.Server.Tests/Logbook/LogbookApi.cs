using System.Text.Json.Nodes;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;

namespace WorkoutTracker.Server.Tests.Logbook;

/// <summary>The logbook's operations as a client sends them (plan edits, notes, custom exercises, history).</summary>
public static class LogbookApi
{
    public const string PlanFields = "weekStart editsVersion isEdited days { dayNumber exercises { exercise { id } supersetGroup added swappedFrom { id } targetSets { setNumber repsMin repsMax load rpe } } }";

    public const string WeeklyPlan = "query($a: ID) { weeklyPlan(athleteId: $a) { " + PlanFields + " } }";

    public static string PlanEdit(string field, string inputType) =>
        $"mutation($input: {inputType}!) {{ {field}(input: $input) {{ clientMutationId replayed plan {{ {PlanFields} }} }} }}";

    public const string LogSet = """
        mutation($input: LogSetInput!) { logSet(input: $input) { replayed setId set { id setType isWarmup note } newRecords session { id version } } }
        """;

    public const string CreateExercise = """
        mutation($input: CreateExerciseInput!) { createExercise(input: $input) { replayed exercise { id name isCustom primaryMuscles equipment loading } } }
        """;

    public static string Id() => Guid.NewGuid().ToString();

    public static Task<GraphQLResponse> LogTypedSetAsync(
        this HttpClient client, string sessionId, string exerciseId, decimal loadKg, int reps, string setType = "WORKING", string? note = null, string? clientMutationId = null) =>
        client.PostGraphQLAsync(LogSet, new { input = new { clientMutationId = clientMutationId ?? Id(), sessionId, exerciseId, loadKg, reps, setType, note } });

    public static async Task<JsonNode> PlanAsync(this HttpClient client, string? athleteId = null) =>
        (await client.PostGraphQLAsync(WeeklyPlan, new { a = athleteId })).Payload("weeklyPlan");

    /// <summary>The exercise ids of a plan day, in order.</summary>
    public static List<string> ExerciseIds(this JsonNode plan, int dayNumber) =>
        [.. plan["days"]!.AsArray().Single(d => d!["dayNumber"]!.GetValue<int>() == dayNumber)!["exercises"]!.AsArray().Select(e => e!["exercise"]!["id"]!.GetValue<string>())];

    /// <summary>The first day planning <paramref name="exerciseId"/>, or day 1.</summary>
    public static int DayWith(this JsonNode plan, string exerciseId) =>
        plan["days"]!.AsArray().FirstOrDefault(d => d!["exercises"]!.AsArray().Any(e => e!["exercise"]!["id"]!.GetValue<string>() == exerciseId))?["dayNumber"]!.GetValue<int>() ?? 1;

    public static Task<GraphQLResponse> EditPlanAsync(this HttpClient client, string field, string inputType, object input) =>
        client.PostGraphQLAsync(PlanEdit(field, inputType), new { input });

    /// <summary>Links <paramref name="coach"/> to <paramref name="athlete"/> (asked by the athlete, accepted by the coach).</summary>
    public static async Task LinkAsync(WorkoutApiFactory api, DemoUser athlete, DemoUser coach)
    {
        using var owner = await api.CreateClientForAsync(athlete);
        using var coachClient = await api.CreateClientForAsync(coach);
        var link = (await owner.PostGraphQLAsync(
            "mutation($i: RequestCoachLinkInput!) { requestCoachLink(input: $i) { link { id } } }",
            new { i = new { clientMutationId = Id(), email = coach.Email } })).Payload("requestCoachLink")["link"]!["id"]!.GetValue<string>();
        await coachClient.PostGraphQLAsync("mutation($i: CoachLinkInput!) { acceptCoachLink(input: $i) { link { id } } }", new { i = new { clientMutationId = Id(), linkId = link } });
    }

    public static string? ErrorField(this GraphQLResponse response) => response.Errors?[0]?["extensions"]?["field"]?.GetValue<string>();
}
