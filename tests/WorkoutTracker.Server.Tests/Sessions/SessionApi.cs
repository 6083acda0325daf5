using System.Text.Json.Nodes;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Sessions;

/// <summary>The session operations as a client sends them, for tests that are about something else.</summary>
public static class SessionApi
{
    public const string StartSession = """
        mutation Start($input: StartSessionInput!) { startSession(input: $input) { clientMutationId replayed session { id version } } }
        """;

    public const string LogSet = """
        mutation Log($input: LogSetInput!) {
          logSet(input: $input) { clientMutationId replayed setId set { id order loadKg reps rpe exercise { id } } session { id version } }
        }
        """;

    public const string UpdateSet = """
        mutation Update($input: UpdateSetInput!) { updateSet(input: $input) { clientMutationId replayed set { id loadKg reps rpe } session { version } } }
        """;

    public const string DeleteSet = """
        mutation Delete($input: DeleteSetInput!) { deleteSet(input: $input) { clientMutationId replayed setId set { id } session { version } } }
        """;

    public const string FinishSession = """
        mutation Finish($input: FinishSessionInput!) { finishSession(input: $input) { clientMutationId replayed session { id finishedAt version } } }
        """;

    public static async Task<string> StartSessionAsync(this HttpClient client)
    {
        var response = await client.PostGraphQLAsync(StartSession, new { input = new { clientMutationId = Guid.NewGuid().ToString() } });
        return response.Data?["startSession"]?["session"]?["id"]?.GetValue<string>()
            ?? throw new InvalidOperationException("startSession failed: " + response);
    }

    /// <summary>startSession with a client-made session id, under a new clientMutationId.</summary>
    public static Task<GraphQLResponse> StartSessionWithIdAsync(this HttpClient client, string sessionId) =>
        client.PostGraphQLAsync(StartSession, new { input = new { clientMutationId = Guid.NewGuid().ToString(), sessionId } });

    public static Task<GraphQLResponse> LogSetAsync(
        this HttpClient client, string sessionId, string? clientMutationId = null, string exerciseId = "barbell-back-squat",
        decimal loadKg = 100m, int reps = 5, decimal? rpe = 8m) =>
        client.PostGraphQLAsync(LogSet, new
        {
            input = new { clientMutationId = clientMutationId ?? Guid.NewGuid().ToString(), sessionId, exerciseId, loadKg, reps, rpe },
        });

    public static JsonNode Payload(this GraphQLResponse response, string field) =>
        response.Data?[field] ?? throw new InvalidOperationException($"no {field} in {response}");
}
