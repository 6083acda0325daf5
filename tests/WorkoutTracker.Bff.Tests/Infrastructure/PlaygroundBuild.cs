namespace WorkoutTracker.Bff.Tests.Infrastructure;

/// <summary>
/// The coaches' playground build (<c>clients/playground/dist</c>), which the BFF serves at /playground
/// only when it exists at start: built here (npm ci &amp;&amp; npm run build) when missing, so a clean clone
/// works. The test script builds it beforehand, which makes this a no-op.
/// </summary>
public static class PlaygroundBuild
{
    public static string AppRoot { get; } = Path.Combine(TestPostgres.RepositoryRoot, "clients", "playground");

    public static string DistPath { get; } = Path.Combine(AppRoot, "dist");

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task EnsureAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(DistPath, "index.html")))
            {
                return;
            }

            await Processes.RunCheckedAsync("npm", ["ci", "--no-audit", "--no-fund"], AppRoot, TimeSpan.FromMinutes(5));
            await Processes.RunCheckedAsync("npm", ["run", "build"], AppRoot, TimeSpan.FromMinutes(5));
        }
        finally
        {
            Gate.Release();
        }
    }
}
