using WorkoutTracker.Bff.Tests.Infrastructure;

namespace WorkoutTracker.EndToEnd.Tests.MobileWeb;

/// <summary>
/// The mobile app's web export (<c>clients/mobile/dist</c>), which the BFF serves at <c>/</c>. Built here
/// when it is missing or older than what it is built from (the app's sources and config, its lockfile,
/// the persisted-operation manifest), so a clean clone works; <c>npm ci</c> first when the installed
/// packages are missing or older than the lockfile. A test script that builds it beforehand
/// (<c>npm ci</c> and <c>npm run export:web</c> in clients/mobile) makes this a no-op.
/// </summary>
public static class MobileWebBuild
{
    public static string AppRoot { get; } = Path.Combine(TestPostgres.RepositoryRoot, "clients", "mobile");

    public static string DistPath { get; } = Path.Combine(AppRoot, "dist");

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task EnsureAsync()
    {
        await Gate.WaitAsync();
        try
        {
            var lockfile = Path.Combine(AppRoot, "package-lock.json");
            var installed = Path.Combine(AppRoot, "node_modules", ".package-lock.json");
            if (!File.Exists(installed) || File.GetLastWriteTimeUtc(installed) < File.GetLastWriteTimeUtc(lockfile))
            {
                await Processes.RunCheckedAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], AppRoot, TimeSpan.FromMinutes(10));
            }

            var index = Path.Combine(DistPath, "index.html");
            if (!File.Exists(index) || File.GetLastWriteTimeUtc(index) < NewestInput())
            {
                await Processes.RunCheckedAsync("npm", ["run", "export:web"], AppRoot, TimeSpan.FromMinutes(10));
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>When the newest file the export is built from was written.</summary>
    private static DateTime NewestInput()
    {
        var files = Directory.EnumerateFiles(Path.Combine(AppRoot, "src"), "*", SearchOption.AllDirectories)
            .Concat(new[] { "app.json", "package.json", "package-lock.json", "babel.config.js", "metro.config.js", "tsconfig.json" }.Select(f => Path.Combine(AppRoot, f)))
            .Append(Path.Combine(TestPostgres.RepositoryRoot, "schema", "persisted-operations.json"))
            .Where(File.Exists);
        return files.Max(File.GetLastWriteTimeUtc);
    }
}
