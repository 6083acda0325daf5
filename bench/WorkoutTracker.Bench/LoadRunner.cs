using System.Diagnostics;

namespace WorkoutTracker.Bench;

/// <summary>Figures of one measured load: throughput and latency percentiles.</summary>
public sealed record LoadResult(string Name, int Clients, int Requests, int Errors, double Seconds, double P50Ms, double P99Ms)
{
    public double PerSecond => Requests / Seconds;
}

/// <summary>
/// Closed-loop load: <c>clients</c> workers each run the operation back to back for the duration, after
/// a warm-up that is not measured. Latency is measured around each call.
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(string name, int clients, TimeSpan duration, Func<int, Task<bool>> operation, TimeSpan? warmUp = null)
    {
        await RunPhaseAsync(clients, warmUp ?? TimeSpan.FromSeconds(1), operation, record: null);
        var latencies = new List<double>[clients];
        var errors = 0;
        var watch = Stopwatch.StartNew();
        await RunPhaseAsync(clients, duration, operation, (worker, ms, ok) =>
        {
            (latencies[worker] ??= []).Add(ms);
            if (!ok)
            {
                Interlocked.Increment(ref errors);
            }
        });
        var seconds = watch.Elapsed.TotalSeconds;
        var all = latencies.Where(l => l is not null).SelectMany(l => l).Order().ToArray();
        return new LoadResult(name, clients, all.Length, errors, seconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static Task RunPhaseAsync(int clients, TimeSpan duration, Func<int, Task<bool>> operation, Action<int, double, bool>? record)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, clients).Select(worker => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await operation(worker);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    ok = false;
                }

                record?.Invoke(worker, Stopwatch.GetElapsedTime(start).TotalMilliseconds, ok);
            }
        })));
    }
}

/// <summary>The server's resident memory after a scenario and its peak so far, in MiB.</summary>
public sealed record ScenarioMemory(string Scenario, double RssMiB, double PeakMiB);
