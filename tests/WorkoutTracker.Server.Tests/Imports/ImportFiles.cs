using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace WorkoutTracker.Server.Tests.Imports;

/// <summary>Uploading the fixture exports and waiting for their import jobs over the HTTP resources.</summary>
internal static class ImportFiles
{
    public static string Read(string fixture) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Imports", "Fixtures", fixture));

    public static async Task<(HttpStatusCode Status, JsonObject Body)> UploadAsync(HttpClient client, string fixture, string query = "")
    {
        using var content = new ByteArrayContent(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Imports", "Fixtures", fixture)));
        content.Headers.ContentType = new("text/csv");
        using var response = await client.PostAsync($"/imports?fileName={fixture}&{query}", content);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    /// <summary>Each exercise name of the preview with its suggested id and match quality.</summary>
    public static Dictionary<string, (string? ExerciseId, string Quality)> Matches(JsonObject import) =>
        import["preview"]!["exercises"]!.AsArray().ToDictionary(
            e => e!["name"]!.GetValue<string>(),
            e => (e!["exerciseId"]?.GetValue<string>(), e["quality"]!.GetValue<string>()));

    /// <summary>Confirms with <paramref name="choices"/> and waits until the job says it completed (or failed).</summary>
    public static async Task<JsonObject> ConfirmAndWaitAsync(HttpClient client, JsonObject import, Dictionary<string, string?> choices)
    {
        var id = import["id"]!.GetValue<Guid>();
        using (var confirm = await client.PostAsJsonAsync($"/imports/{id}/confirm", new { matches = choices }))
        {
            Assert.True(confirm.StatusCode == HttpStatusCode.Accepted, await confirm.Content.ReadAsStringAsync());
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var state = (await client.GetFromJsonAsync<JsonObject>($"/imports/{id}", timeout.Token))!;
            switch (state["status"]!.GetValue<string>())
            {
                case "Completed":
                    return state;
                case "Failed":
                    Assert.Fail($"Import {id} failed: {state["error"]}");
                    break;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
