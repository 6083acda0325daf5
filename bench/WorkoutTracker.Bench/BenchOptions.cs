namespace WorkoutTracker.Bench;

/// <summary><c>--quick</c> shortens every measurement (for a smoke run); the default is the full run.</summary>
public sealed record BenchOptions(bool Quick, IReadOnlySet<string> Only, int? Seconds = null)
{
    /// <summary>Each measurement's length: <c>--seconds N</c> (e.g. long enough to attach a profiler), else 2 s quick or 10 s full.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds(Seconds ?? (Quick ? 2 : 10));

    public static BenchOptions Parse(string[] args)
    {
        var only = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int? seconds = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--only" && i + 1 < args.Length)
            {
                only.UnionWith(args[++i].Split(','));
            }
            else if (args[i] == "--seconds" && i + 1 < args.Length)
            {
                seconds = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return new BenchOptions(args.Contains("--quick"), only, seconds);
    }

    public bool Runs(string scenario) => Only.Count == 0 || Only.Contains(scenario);
}
