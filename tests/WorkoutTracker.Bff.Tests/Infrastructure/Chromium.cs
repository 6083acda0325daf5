using Microsoft.Playwright;

namespace WorkoutTracker.Bff.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium, headless, for Playwright (a test tool's own browser download fails here):
/// installed with apt-get when missing (CI runs as root), started with the flags these machines need.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        await EnsureInstalledAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>Where a test saves a screenshot: <c>artifacts/screenshots/&lt;name&gt;</c> under the repository root (the folder is created).</summary>
    public static string ScreenshotPath(string name)
    {
        var path = Path.Combine(TestPostgres.RepositoryRoot, "artifacts", "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private static async Task EnsureInstalledAsync()
    {
        if (File.Exists(ExecutablePath))
        {
            return;
        }

        var (exitCode, output) = await Processes.RunAsync("apt-get", ["install", "-y", "chromium"], "/", TimeSpan.FromMinutes(10));
        if (exitCode != 0 || !File.Exists(ExecutablePath))
        {
            await Processes.RunAsync("apt-get", ["update"], "/", TimeSpan.FromMinutes(5));
            (exitCode, output) = await Processes.RunAsync("apt-get", ["install", "-y", "chromium"], "/", TimeSpan.FromMinutes(10));
        }

        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing and 'apt-get install -y chromium' failed ({exitCode}):\n{output}");
    }
}
