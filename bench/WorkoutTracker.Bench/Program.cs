using System.Globalization;
using System.Text;
using System.Text.Json;
using WorkoutTracker.Bench;

// Measures the system on this machine and prints the figures side by side; see bench/README.md.
// Usage: bench/run.sh [--quick] [--only ceiling,plan,sessions,logset,npgsql,fanout,import]
var options = BenchOptions.Parse(args);
var results = new List<LoadResult>();
double peakRss;
Console.WriteLine($"WorkoutTracker bench, {(options.Quick ? "quick" : "full")} run on {Environment.ProcessorCount} cores, {Environment.OSVersion}");

await using (var system = await BenchSystem.StartAsync())
{
    var scenarios = new Scenarios(system, options);
    async Task Measure(string key, Func<Task<IEnumerable<LoadResult>>> run)
    {
        if (!options.Runs(key))
        {
            return;
        }

        foreach (var result in await run())
        {
            results.Add(result);
            Console.WriteLine(Format(result));
        }
    }

    await Measure("ceiling", async () => [await scenarios.HttpCeilingAsync()]);
    await Measure("plan", async () => await scenarios.WeeklyPlanAsync());
    await Measure("sessions", async () => [await scenarios.SessionsWithSetsAsync()]);
    await Measure("logset", async () => await scenarios.LogSetAsync());
    await Measure("npgsql", async () => await scenarios.NpgsqlInsertCommitAsync());
    await Measure("fanout", async () => [await scenarios.FanOutAsync(100), await scenarios.FanOutAsync(1000)]);
    await Measure("import", async () => await new ImportScenario(system).RunAsync());
    peakRss = system.PeakRssMiB();
}

Console.WriteLine();
Console.WriteLine(Table(results, peakRss));
var file = Path.Combine(BenchSystem.RepositoryRoot, "bench", "results", $"{DateTime.UtcNow:yyyy-MM-ddTHHmmss}Z{(options.Quick ? "-quick" : "")}.json");
await File.WriteAllTextAsync(file, JsonSerializer.Serialize(
    new
    {
        machine = new { cores = Environment.ProcessorCount, os = Environment.OSVersion.ToString(), dotnet = Environment.Version.ToString() },
        quick = options.Quick,
        serverPeakRssMiB = Math.Round(peakRss, 1),
        results = results.Select(r => new { r.Name, r.Clients, r.Requests, r.Errors, perSecond = Math.Round(r.PerSecond, 1), p50Ms = Math.Round(r.P50Ms, 2), p99Ms = Math.Round(r.P99Ms, 2) }),
    },
    new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"Written to {Path.GetRelativePath(BenchSystem.RepositoryRoot, file)}");

static string Format(LoadResult r) => string.Create(CultureInfo.InvariantCulture,
    $"  {r.Name,-34} clients {r.Clients,5}  {r.PerSecond,10:N0}/s  p50 {r.P50Ms,8:N2} ms  p99 {r.P99Ms,8:N2} ms  errors {r.Errors}");

static string Table(List<LoadResult> results, double peakRss)
{
    var table = new StringBuilder("| scenario | clients | per second | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|---:|\n");
    foreach (var r in results)
    {
        table.Append(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Clients} | {r.PerSecond:N0} | {r.P50Ms:N2} | {r.P99Ms:N2} | {r.Errors} |\n");
    }

    return table.Append(CultureInfo.InvariantCulture, $"\nServer peak RSS: {peakRss:N0} MiB").ToString();
}
