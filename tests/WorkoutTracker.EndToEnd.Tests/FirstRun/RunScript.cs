using System.Collections.Concurrent;
using System.Diagnostics;
using WorkoutTracker.Bff.Tests.Infrastructure;

namespace WorkoutTracker.EndToEnd.Tests.FirstRun;

/// <summary>
/// <c>./run.sh</c> of a checkout, started as a newcomer starts it: no connection string, no test
/// database, a plain environment (the variables <c>dotnet test</c> sets for MSBuild are removed, or the
/// script's own <c>dotnet build</c> would use them), its output kept line by line.
/// </summary>
public sealed class RunScript : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _awaited = new(StringComparer.Ordinal);

    private RunScript(Process process) => _process = process;

    public int ProcessId => _process.Id;

    public string Output => string.Join('\n', _lines);

    public static RunScript Start(string root, int serverPort, int bffPort)
    {
        var start = new ProcessStartInfo(Path.Combine(root, "run.sh"))
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.Ordinal) ||
                name is "ConnectionStrings__Workouts" or "WORKOUTTRACKER_TEST_POSTGRES" or "ASPNETCORE_ENVIRONMENT" or "DOTNET_ENVIRONMENT")
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["SERVER_PORT"] = serverPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["BFF_PORT"] = bffPort.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var script = new RunScript(process);
        process.OutputDataReceived += (_, e) => script.Received(e.Data);
        process.ErrorDataReceived += (_, e) => script.Received(e.Data);
        process.Exited += (_, _) =>
        {
            foreach (var waiter in script._awaited.Values)
            {
                waiter.TrySetException(new InvalidOperationException($"run.sh exited ({process.ExitCode}) before printing what was awaited."));
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return script;
    }

    /// <summary>Completes when a line containing <paramref name="text"/> has been printed; fails when run.sh exits first or the time is up.</summary>
    public async Task WaitForLineAsync(string text, TimeSpan timeout)
    {
        var waiter = _awaited.GetOrAdd(text, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            waiter.TrySetResult();
        }

        if (_process.HasExited)
        {
            waiter.TrySetException(new InvalidOperationException($"run.sh exited ({_process.ExitCode}) before printing what was awaited."));
        }

        try
        {
            await waiter.Task.WaitAsync(timeout);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            throw new Xunit.Sdk.XunitException($"Waiting for \"{text}\" from run.sh: {e.Message}\n--- run.sh output ---\n{Output}");
        }
    }

    /// <summary>Sends SIGTERM, as a service manager or <c>kill</c> would, and waits for run.sh to end; its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        await Processes.RunCheckedAsync("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], "/", TimeSpan.FromSeconds(30));
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            // Also waits for the end of its output: a child still holding the pipe would keep this waiting.
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException(
                $"run.sh {(_process.HasExited ? "exited but something it started still holds its output" : "did not exit")} " +
                $"within {timeout.TotalSeconds:0} s of SIGTERM.\n--- run.sh output ---\n{Output}");
        }

        return _process.ExitCode;
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        foreach (var (text, waiter) in _awaited)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                waiter.TrySetResult();
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
