namespace WorkoutTracker.Bench;

/// <summary><c>--quick</c> shortens every measurement (for a smoke run); the default is the full run.</summary>
public sealed record BenchOptions(bool Quick, IReadOnlySet<string> Only)
{
    public TimeSpan Duration => Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(10);

    public static BenchOptions Parse(string[] args)
    {
        var only = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--only" && i + 1 < args.Length)
            {
                only.UnionWith(args[++i].Split(','));
            }
        }

        return new BenchOptions(args.Contains("--quick"), only);
    }

    public bool Runs(string scenario) => Only.Count == 0 || Only.Contains(scenario);
}
