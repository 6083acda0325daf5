using System.Globalization;
using System.Text;
using System.Text.Json;
using WorkoutTracker.Bench;

// Measures the system on this machine and prints the figures side by side; see bench/README.md.
// Usage: bench/run.sh [--quick] [--seconds N] [--only ceiling,plan,sessions,peers,history,logset,npgsql,fanout,import]
var options = BenchOptions.Parse(args);
var results = new List<LoadResult>();
double peakRss;
var memoryByScenario = new List<ScenarioMemory>();
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

        // Which scenario drives the server's memory: resident now and the peak so far.
        var memory = new ScenarioMemory(key, Math.Round(system.RssMiB(), 1), Math.Round(system.PeakRssMiB(), 1));
        memoryByScenario.Add(memory);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  server memory after {key,-10} RSS {memory.RssMiB,6:0} MiB   peak so far {memory.PeakMiB,6:0} MiB"));
    }

    await Measure("ceiling", async () => [await scenarios.HttpCeilingAsync()]);
    await Measure("plan", async () => await scenarios.WeeklyPlanAsync());
    await Measure("sessions", async () => [await scenarios.SessionsWithSetsAsync()]);
    await Measure("peers", async () => await scenarios.PeersAsync());
    await Measure("history", async () => await scenarios.HistoryLengthAsync());
    await Measure("logset", async () => await scenarios.LogSetAsync());
    await Measure("npgsql", async () => [.. await scenarios.NpgsqlInsertCommitAsync(), .. await scenarios.LogSetInDatabaseAsync()]);
    await Measure("fanout", async () => [await scenarios.FanOutAsync(100), await scenarios.FanOutAsync(1000)]);
    await Measure("import", async () => await new ImportScenario(system).RunAsync());
    peakRss = system.PeakRssMiB();
}

Console.WriteLine();
Console.WriteLine(Table(results, peakRss));
Console.WriteLine();
foreach (var line in Ratios(results))
{
    Console.WriteLine(line);
}

var file = Path.Combine(BenchSystem.RepositoryRoot, "bench", "results", $"{DateTime.UtcNow:yyyy-MM-ddTHHmmss}Z{(options.Quick ? "-quick" : "")}.json");
await File.WriteAllTextAsync(file, JsonSerializer.Serialize(
    new
    {
        machine = new { cores = Environment.ProcessorCount, os = Environment.OSVersion.ToString(), dotnet = Environment.Version.ToString() },
        quick = options.Quick,
        serverPeakRssMiB = Math.Round(peakRss, 1),
        serverMemoryByScenario = memoryByScenario,
        results = results.Select(r => new { r.Name, r.Clients, r.Requests, r.Errors, perSecond = Math.Round(r.PerSecond, 1), p50Ms = Math.Round(r.P50Ms, 2), p99Ms = Math.Round(r.P99Ms, 2) }),
    },
    new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"Written to {Path.GetRelativePath(BenchSystem.RepositoryRoot, file)}");

// Ratios within this run (figures across runs on a shared machine do not compare).
static IEnumerable<string> Ratios(List<LoadResult> results)
{
    double? Rate(string name, int? clients = null) =>
        results.FirstOrDefault(r => r.Name == name && (clients is null || r.Clients == clients))?.PerSecond;
    string Ratio(string label, double? a, double? b, string goal) =>
        a is { } x && b is { } y && y > 0 ? string.Create(CultureInfo.InvariantCulture, $"  {label,-58} {x / y,6:0.00}x   (goal {goal})") : $"  {label,-58}    n/a";

    yield return "Ratios within this run:";
    yield return Ratio("weeklyPlan 304 / Kestrel fixed response", Rate("weeklyPlan GET 304"), Rate("kestrel fixed response"), ">= 0.3x");
    yield return Ratio("weeklyPlan 200 / weeklyPlan 304", Rate("weeklyPlan GET 200"), Rate("weeklyPlan GET 304"), ">= 0.5x");
    yield return Ratio("sessions(10) with sets: ours / PostGraphile 5", Rate("sessions(10) with sets: ours"), Rate("sessions(10) with sets: PostGraphile 5"), ">= 1.5x");
    yield return Ratio("one-row read: ours / PostGraphile 5", Rate("one-row read { me { id } }: ours"), Rate("one-row read: PostGraphile 5"), "fixed cost per request");
    yield return Ratio("logSet 64 clients / raw insert+commit 64 clients", Rate("logSet", 64), Rate("raw Npgsql insert+commit", 64), ">= 0.5x");
    yield return Ratio("logSet 64 clients / logSet 16 clients", Rate("logSet", 64), Rate("logSet", 16), ">= 1.0x");
    yield return Ratio("log_set() from Npgsql / raw insert+commit, 64 clients", Rate("log_set(...) straight from Npgsql", 64), Rate("raw Npgsql insert+commit", 64), "none: the database's ceiling for logSet");
    yield return Ratio("logSet / log_set() from Npgsql, 64 clients", Rate("logSet", 64), Rate("log_set(...) straight from Npgsql", 64), "none: what HTTP, token and GraphQL keep");
    foreach (var read in new[] { "personalRecords", "coach(\"what are my personal records?\")", "e1rmHistory", "weeklyPlan", "bodyMap", "sessions(first: 10)" })
    {
        yield return Ratio($"history: {read} 25,000 sets / new athlete (median ms)", P50(results, $"{read}, 25,000 sets"), P50(results, $"{read}, new athlete"), "<= 1.5x");
    }
}

static double? P50(List<LoadResult> results, string name) => results.FirstOrDefault(r => r.Name == name)?.P50Ms;

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
