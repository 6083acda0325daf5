using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WorkoutTracker.CoachEvaluation;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Coaching;

/// <summary>
/// The server on Kestrel over a database of its own, with its clock pinned to the evaluation set's day
/// (a Wednesday), so the coach's answers are the same on any day the tests run.
/// </summary>
public class PinnedCoachApi : IAsyncLifetime
{
    private string _connectionString = "";

    public CoachEvalSet Set { get; } = CoachEvalSet.Load();

    public CoachEvalHost Host { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        _connectionString = await TestPostgres.CreateDatabaseAsync("wt_coach");
        Host = new CoachEvalHost(_connectionString, Set.Today);
        Host.Start();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(_connectionString);
    }

    /// <summary>A client of the Kestrel server with a development-issuer token for the user.</summary>
    public async Task<HttpClient> ClientForAsync(string email, string password)
    {
        var client = Host.CreateClient();
        using var response = await client.PostAsJsonAsync("/dev/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
