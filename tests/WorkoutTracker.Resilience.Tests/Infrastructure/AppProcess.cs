using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Resilience.Tests.Infrastructure;

/// <summary>
/// The server or the BFF as an operating-system process on a fixed loopback port, so it can be killed
/// with SIGKILL and started again at the same address. Runs the build output of this configuration.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly string _dll;
    private readonly Dictionary<string, string> _environment;
    private readonly ConcurrentQueue<string> _log = new();
    private Process? _process;

    private AppProcess(string project, int port, IReadOnlyDictionary<string, string> environment)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var folder = project == "WorkoutTracker.Bff" ? "bff" : "server";
        ContentRoot = Path.Combine(TestPostgres.RepositoryRoot, folder, project);
        _dll = Path.Combine(ContentRoot, "bin", configuration, "net10.0", project + ".dll");
        Address = new Uri($"http://127.0.0.1:{port}");
        _environment = new Dictionary<string, string>(environment) { ["Logging__LogLevel__Default"] = "Warning" };
    }

    public Uri Address { get; }

    public string ContentRoot { get; }

    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string RecentLog => string.Join('\n', _log.TakeLast(40));

    public static AppProcess Server(string connectionString, params (string Key, string Value)[] settings) =>
        new("WorkoutTracker.Server", FreePort(), Settings(connectionString, settings));

    public static AppProcess Bff(string connectionString, params (string Key, string Value)[] settings) =>
        new("WorkoutTracker.Bff", FreePort(), Settings(connectionString, settings));

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { _dll, "--urls", Address.ToString().TrimEnd('/'), "--contentRoot", ContentRoot },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + _dll);
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitReadyAsync();
    }

    /// <summary>SIGKILL: no shutdown, no flush; whatever was not committed is lost.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"{_dll} exited with {_process.ExitCode}:\n{RecentLog}");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{_dll} did not become ready:\n{RecentLog}");
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _log.Enqueue(line);
        while (_log.Count > 200)
        {
            _log.TryDequeue(out _);
        }
    }

    private static Dictionary<string, string> Settings(string connectionString, (string Key, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Workouts"] = connectionString,
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            // Load tests: thousands of calls by one user; the server's per-user limit is tested elsewhere.
            ["RateLimiting__GraphQL__PermitLimit"] = "1000000",
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return environment;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
