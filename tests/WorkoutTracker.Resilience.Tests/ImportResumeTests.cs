using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using WorkoutTracker.Resilience.Tests.Infrastructure;

namespace WorkoutTracker.Resilience.Tests;

/// <summary>
/// An import job survives its server: the process is killed with SIGKILL while the job is between
/// batches, a new process takes the job up when its lease runs out, and the history ends up written
/// exactly once, with the job's counters matching what is stored.
/// </summary>
public sealed class ImportResumeTests
{
    private const int Workouts = 400;
    private const int SetsPerWorkout = 10;

    [Fact]
    public async Task A_job_cut_off_by_a_server_kill_resumes_on_the_next_start_and_writes_everything_once()
    {
        await using var postgres = await DedicatedPostgres.StartAsync();
        var connectionString = postgres.ConnectionString("workouttracker");
        await using var server = AppProcess.Server(connectionString,
            ("Imports__BatchSize", "4"), ("Imports__Lease", "00:00:02"), ("Imports__PollInterval", "00:00:00.200"));
        await server.StartAsync();
        var token = await RetryingClient.TokenAsync(server.Address, "athlete@demo.workouttracker.dev", "athlete-demo");

        var id = await UploadAndConfirmAsync(server.Address, token, StrongFile());
        await WaitAsync(server.Address, token, id, state => state["sessionsWritten"]!.GetValue<int>() >= 40);
        await server.KillAsync();
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var (statusAtKill, writtenAtKill) = await JobAsync(db, id);

        await server.StartAsync();
        var done = await WaitAsync(server.Address, token, id, state => state["status"]!.GetValue<string>() is "Completed" or "Failed");

        Assert.Equal("Running", statusAtKill);
        Assert.InRange(writtenAtKill, 40, Workouts - 1);
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal(Workouts, done["sessionsWritten"]!.GetValue<int>());
        Assert.Equal(Workouts * SetsPerWorkout, done["setsWritten"]!.GetValue<int>());
        await using var count = new NpgsqlCommand(
            """
            SELECT count(DISTINCT s.id), count(x.id), count(DISTINCT (x.session_id, x."order"))
            FROM sessions s JOIN sets x ON x.session_id = s.id
            WHERE s.started_at < '2022-01-01' AND s.athlete_id = (SELECT athlete_id FROM history_imports WHERE id = $1)
            """, db) { Parameters = { new() { Value = id } } };
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal((Workouts, Workouts * SetsPerWorkout, Workouts * SetsPerWorkout), ((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2)));
    }

    /// <summary>One squat workout a day from 2020-01-01 at 06:00, before the demo athlete's seeded history.</summary>
    private static string StrongFile()
    {
        var file = new StringBuilder("Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration\n");
        for (var day = 0; day < Workouts; day++)
        {
            var date = new DateTime(2020, 1, 1, 6, 0, 0).AddDays(day).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            for (var set = 1; set <= SetsPerWorkout; set++)
            {
                file.Append(CultureInfo.InvariantCulture, $"{date};Squat day;Squat (Barbell);{set};{60 + (day % 40)};kg;5;;;;0;;;45m\n");
            }
        }

        return file.ToString();
    }

    private static async Task<Guid> UploadAndConfirmAsync(Uri server, string token, string file)
    {
        using var http = Client(server, token);
        using var upload = await http.PostAsync("/imports", new StringContent(file, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var id = (await upload.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        using var confirm = await http.PostAsJsonAsync($"/imports/{id}/confirm", new { matches = new Dictionary<string, string?>() });
        Assert.Equal(HttpStatusCode.Accepted, confirm.StatusCode);
        return id;
    }

    private static async Task<JsonObject> WaitAsync(Uri server, string token, Guid id, Func<JsonObject, bool> until)
    {
        using var http = Client(server, token);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            var state = (await http.GetFromJsonAsync<JsonObject>($"/imports/{id}", timeout.Token))!;
            if (until(state))
            {
                return state;
            }

            await Task.Delay(10, timeout.Token);
        }
    }

    private static async Task<(string Status, int Written)> JobAsync(NpgsqlConnection db, Guid id)
    {
        await using var command = new NpgsqlCommand("SELECT status, sessions_written FROM history_imports WHERE id = $1", db) { Parameters = { new() { Value = id } } };
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetInt32(1));
    }

    private static HttpClient Client(Uri server, string token)
    {
        var http = new HttpClient { BaseAddress = server };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
