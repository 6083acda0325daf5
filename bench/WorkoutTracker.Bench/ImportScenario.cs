using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace WorkoutTracker.Bench;

/// <summary>
/// A five-year Strong export (20,000 rows: 1,000 workouts of 20 sets) imported by a new athlete: the
/// upload with its preview, then the confirmed job until it completes (body maps and progression
/// included). Reported as one row each: rows per second, with the elapsed time as p50/p99.
/// </summary>
public sealed class ImportScenario(BenchSystem system)
{
    private const string Password = "bench-password";
    private const int Workouts = 1_000;
    private const int SetsPerWorkout = 20;

    private static readonly string[] Exercises = ["Squat (Barbell)", "Bench Press (Barbell)", "Deadlift (Barbell)", "Bent Over Row (Barbell)"];

    public async Task<IReadOnlyList<LoadResult>> RunAsync()
    {
        var email = (await system.CreateAthletesAsync(1, Password))[0];
        using var client = await system.ClientForAsync(email, Password);
        var file = StrongFile();

        var upload = Stopwatch.StartNew();
        using var response = await client.PostAsync("/imports?fileName=bench.csv", new StringContent(file, Encoding.UTF8, "text/csv"));
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        upload.Stop();

        var job = Stopwatch.StartNew();
        using (var confirm = await client.PostAsJsonAsync($"/imports/{id}/confirm", new { matches = new Dictionary<string, string?>() }))
        {
            confirm.EnsureSuccessStatusCode();
        }

        string status;
        do
        {
            await Task.Delay(100);
            status = (await client.GetFromJsonAsync<JsonObject>($"/imports/{id}"))!["status"]!.GetValue<string>();
        }
        while (status is "Queued" or "Running");

        job.Stop();
        var rows = Workouts * SetsPerWorkout;
        var errors = status == "Completed" ? 0 : 1;
        return
        [
            new LoadResult($"import upload+preview {rows:N0} rows", 1, rows, errors, upload.Elapsed.TotalSeconds, upload.Elapsed.TotalMilliseconds, upload.Elapsed.TotalMilliseconds),
            new LoadResult($"import job {rows:N0} rows", 1, rows, errors, job.Elapsed.TotalSeconds, job.Elapsed.TotalMilliseconds, job.Elapsed.TotalMilliseconds),
        ];
    }

    /// <summary>Four workouts a week over five years, 20 sets each, in Strong's layout with units.</summary>
    private static string StrongFile()
    {
        var file = new StringBuilder("Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration\n");
        var day = new DateTime(2021, 1, 4, 18, 0, 0);
        for (var workout = 0; workout < Workouts; workout++)
        {
            var date = day.AddDays((workout / 4 * 7) + (workout % 4 * 2 % 7)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            for (var set = 0; set < SetsPerWorkout; set++)
            {
                var exercise = Exercises[set / 5];
                var order = set % 5 == 0 ? "W" : (set % 5).ToString(CultureInfo.InvariantCulture);
                file.Append(CultureInfo.InvariantCulture, $"{date};Workout {workout % 4 + 1};{exercise};{order};{40 + (workout % 60)};kg;5;8;;;0;;;1h 10m\n");
            }
        }

        return file.ToString();
    }
}
