using System.Globalization;

namespace WorkoutTracker.EndToEnd.Tests.FirstRun;

/// <summary>
/// The processes of this machine that belong to a folder: started from a program in it, working in it,
/// or naming it on their command line (PostgreSQL's <c>-D</c>, <c>dotnet x.dll</c>, <c>tee .data/logs/…</c>
/// runs in it). Read from /proc.
/// </summary>
public static class ProcessesUnder
{
    public static IReadOnlyList<string> Find(params string[] folders)
    {
        var found = new List<string>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(entry, "cmdline")).Replace('\0', ' ').Trim();
                var workingDirectory = new DirectoryInfo(Path.Combine(entry, "cwd")).LinkTarget ?? "";
                if (folders.Any(f => commandLine.Contains(f, StringComparison.Ordinal) || workingDirectory.StartsWith(f, StringComparison.Ordinal)))
                {
                    found.Add($"{pid}: {commandLine} (in {workingDirectory})");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // the process ended while being read
            }
        }

        return found;
    }

    /// <summary>Waits (up to <paramref name="timeout"/>) until no process belongs to the folders; those still there.</summary>
    public static async Task<IReadOnlyList<string>> WaitUntilNoneAsync(TimeSpan timeout, params string[] folders)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = Find(folders);
            if (found.Count == 0 || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(200);
        }
    }
}
