using System.Diagnostics;
using System.Text.Json.Nodes;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.WebSockets;

/// <summary>
/// Runs scripts of <c>tests/node-harness</c> (real npm clients such as graphql-ws) with the machine's
/// Node. Installs the harness's pinned packages with <c>npm ci</c> the first time, so a clean clone works.
/// </summary>
public static class NodeHarness
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    public static string Root { get; } = Path.Combine(TestPostgres.RepositoryRoot, "tests", "node-harness");

    /// <summary>Runs <c>node &lt;script&gt; &lt;args&gt;</c>; returns its exit code and its stdout lines parsed as JSON.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<JsonNode> Lines)> RunJsonLinesAsync(string script, params string[] arguments)
    {
        await EnsureInstalledAsync();
        var (exitCode, output, errors) = await RunAsync("node", [Path.Combine(Root, script), .. arguments], TimeSpan.FromSeconds(60));
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try
        {
            return (exitCode, [.. lines.Select(line => JsonNode.Parse(line)!)]);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new InvalidOperationException($"{script} printed something other than JSON lines:\n{output}\n{errors}", ex);
        }
    }

    public static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(Root, "node_modules", ".package-lock.json")))
            {
                var (exitCode, output, errors) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
                if (exitCode != 0)
                {
                    throw new InvalidOperationException($"npm ci in {Root} failed ({exitCode}):\n{output}\n{errors}");
                }
            }
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string fileName, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in {timeout}:\n{await output}\n{await errors}");
        }

        return (process.ExitCode, await output, await errors);
    }

    /// <summary>Starts <c>node &lt;script&gt; &lt;args&gt;</c> and hands out its stdout JSON lines as they come.</summary>
    public static async Task<RunningNodeScript> StartAsync(string script, params string[] arguments)
    {
        await EnsureInstalledAsync();
        var start = new ProcessStartInfo("node") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Root, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new RunningNodeScript(Process.Start(start) ?? throw new InvalidOperationException("Could not start node"));
    }
}

/// <summary>A node script running beside the test; its stdout JSON lines are read one at a time.</summary>
public sealed class RunningNodeScript : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _errors;

    public RunningNodeScript(Process process)
    {
        _process = process;
        _errors = process.StandardError.ReadToEndAsync();
    }

    public async Task<JsonNode> NextLineAsync(TimeSpan? patience = null)
    {
        using var timeout = new CancellationTokenSource(patience ?? TimeSpan.FromSeconds(20));
        var line = await _process.StandardOutput.ReadLineAsync(timeout.Token)
            ?? throw new InvalidOperationException("node exited early: " + await _errors);
        return JsonNode.Parse(line)!;
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
