using System.Text.Json.Nodes;

namespace WorkoutTracker.Bff.Tests.Infrastructure;

/// <summary>The mobile app's persisted operations through the BFF, for tests about something else.</summary>
public static class WorkoutApi
{
    public static async Task<string> StartSessionAsync(this BffClient client)
    {
        var result = await client.PersistedAsync("StartSession", new { input = new { clientMutationId = Guid.NewGuid().ToString() } }, post: true);
        return result.Data?["startSession"]?["session"]?["id"]?.GetValue<string>()
            ?? throw new InvalidOperationException("startSession failed: " + result);
    }

    public static async Task<JsonNode> LogSetAsync(this BffClient client, string sessionId, decimal loadKg = 100m, int reps = 5)
    {
        var result = await client.PersistedAsync(
            "LogSet",
            new { input = new { clientMutationId = Guid.NewGuid().ToString(), sessionId, exerciseId = "barbell-back-squat", loadKg, reps, rpe = 8m } },
            post: true);
        return result.Data?["logSet"]?["set"] ?? throw new InvalidOperationException("logSet failed: " + result);
    }

    /// <summary>The subscribe payload the mobile app sends for a persisted subscription: the manifest text plus its hash.</summary>
    public static object PersistedSubscription(string operationName, object variables) => new
    {
        operationName,
        query = PersistedOperations.TextOf(operationName),
        variables,
        extensions = new { persistedQuery = new { version = 1, sha256Hash = PersistedOperations.HashOf(PersistedOperations.TextOf(operationName)) } },
    };
}
