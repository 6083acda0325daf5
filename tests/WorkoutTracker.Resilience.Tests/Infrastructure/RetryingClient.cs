using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Resilience.Tests.Infrastructure;

/// <summary>What a logSet came back with once acknowledged.</summary>
public sealed record Acknowledged(string ClientMutationId, string SetId, bool Replayed, string? ServedBy, int Attempts);

/// <summary>
/// A phone on a bad connection: every call is retried with the same clientMutationId until the server
/// acknowledges it. Network failures, 5xx and transient GraphQL errors are retried; a domain error
/// (conflict, validation, forbidden) is a bug in the test or the server and fails at once.
/// </summary>
/// <param name="persisted">Send the operations of schema/operations by id (as the mobile app does through the BFF).</param>
public sealed class RetryingClient(HttpClient http, bool persisted = false)
{
    private static readonly HashSet<string> DomainCodes =
        ["IDEMPOTENCY_CONFLICT", "VALIDATION", "FORBIDDEN", "NOT_FOUND", "SESSION_FINISHED", "UNAUTHENTICATED", "PERSISTED_QUERY_REQUIRED"];

    public HttpClient Http => http;

    public static async Task<string> TokenAsync(Uri server, string email, string password)
    {
        using var client = new HttpClient { BaseAddress = server };
        using var response = await client.PostAsJsonAsync("/dev/token", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    public async Task<string> StartSessionAsync(CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString();
        var (data, _, _) = await SendUntilAcknowledgedAsync(
            "StartSession", "mutation StartSession($input: StartSessionInput!) { startSession(input: $input) { session { id } } }", new { input = new { clientMutationId = id } }, cancellationToken);
        return data["startSession"]!["session"]!["id"]!.GetValue<string>();
    }

    public async Task<Acknowledged> LogSetAsync(string sessionId, string clientMutationId, int reps, CancellationToken cancellationToken)
    {
        var (data, servedBy, attempts) = await SendUntilAcknowledgedAsync(
            "LogSet",
            "mutation LogSet($input: LogSetInput!) { logSet(input: $input) { replayed setId } }",
            new { input = new { clientMutationId, sessionId, exerciseId = "barbell-back-squat", loadKg = 100, reps, rpe = 8 } },
            cancellationToken);
        var payload = data["logSet"]!;
        return new Acknowledged(clientMutationId, payload["setId"]!.GetValue<string>(), payload["replayed"]!.GetValue<bool>(), servedBy, attempts);
    }

    private async Task<(JsonNode Data, string? ServedBy, int Attempts)> SendUntilAcknowledgedAsync(
        string operationName, string query, object variables, CancellationToken cancellationToken)
    {
        var body = persisted
            ? JsonSerializer.Serialize(new { documentId = PersistedId(operationName), operationName, variables })
            : JsonSerializer.Serialize(new { query, variables });
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync("/graphql", content, cancellationToken);
                if ((int)response.StatusCode < 500)
                {
                    var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                    var code = json?["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();
                    if (code is not null && DomainCodes.Contains(code))
                    {
                        throw new InvalidOperationException($"attempt {attempt} was refused: {json}");
                    }

                    if (json?["data"] is JsonObject data && data.Count > 0 && data.All(p => p.Value is not null))
                    {
                        var servedBy = response.Headers.TryGetValues("X-Served-By", out var values) ? values.First() : null;
                        return (data, servedBy, attempt);
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
            }

            await Task.Delay(Math.Min(50 * attempt, 500), cancellationToken);
        }
    }

    /// <summary>The manifest id of an operation of schema/operations: sha256 of its text, as the manifest generator writes it.</summary>
    private static string PersistedId(string operationName)
    {
        var text = File.ReadAllText(Path.Combine(TestPostgres.RepositoryRoot, "schema", "operations", operationName + ".graphql")).ReplaceLineEndings("\n").Trim() + "\n";
        return "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
