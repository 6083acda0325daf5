using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Bench;

/// <summary>
/// The system under measurement: the project-local PostgreSQL (scripts/postgres.sh), a fresh database,
/// and the Release build of the server as its own process on a free loopback port.
/// </summary>
public sealed class BenchSystem : IAsyncDisposable
{
    private readonly Process _server;

    private BenchSystem(Process server, string connectionString, Uri baseAddress)
    {
        _server = server;
        ConnectionString = connectionString;
        BaseAddress = baseAddress;
    }

    public string ConnectionString { get; }

    public Uri BaseAddress { get; }

    public int ServerProcessId => _server.Id;

    public static string RepositoryRoot { get; } = FindRoot();

    public static async Task<BenchSystem> StartAsync()
    {
        var serverConnection = Run(Path.Combine(RepositoryRoot, "scripts", "postgres.sh"), "connection-string");
        var database = $"wt_bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(serverConnection) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(serverConnection) { Database = database, MaxPoolSize = 200 }.ConnectionString;
        var port = FreePort();
        var serverDll = Path.Combine(RepositoryRoot, "server", "WorkoutTracker.Server", "bin", "Release", "net10.0", "WorkoutTracker.Server.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { serverDll, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", Path.GetDirectoryName(serverDll)! },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ConnectionStrings__Workouts"] = connectionString,
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Identity__LocalAccounts__Enabled"] = "true",
                // Production refuses the key published in appsettings.json: each run signs with a key of its own.
                ["Identity__TokenIssuer__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Logging__LogLevel__Default"] = "Warning",
                ["Idempotency__PruneInterval"] = "1.00:00:00",
                ["RateLimiting__GraphQL__PermitLimit"] = "100000000", // measure the server, not its per-user limit
                ["Identity__LocalAccounts__SignInsPerAddress"] = "100000", // every bench athlete signs in from one address
            },
        };
        var server = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("[server] " + e.Data); } };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();

        var system = new BenchSystem(server, connectionString, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = system.BaseAddress };
        // A fresh database is migrated and seeded first: on a busy machine that takes a while, so wait for the
        // server's own readiness as long as it runs (up to three minutes), not for a count of tries.
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (!server.HasExited && waiting.Elapsed < StartupWait)
            {
            }

            if (server.HasExited || waiting.Elapsed >= StartupWait)
            {
                throw new InvalidOperationException(server.HasExited
                    ? $"the server exited with {server.ExitCode} before it was ready"
                    : $"the server was not ready after {StartupWait.TotalSeconds:0} s");
            }

            await Task.Delay(100);
        }

        return system;
    }

    private static readonly TimeSpan StartupWait = TimeSpan.FromMinutes(3);

    /// <summary>Adds athletes with passwords straight into the database; returns their emails.</summary>
    public async Task<IReadOnlyList<string>> CreateAthletesAsync(int count, string password)
    {
        var options = new DbContextOptionsBuilder<WorkoutDb>().UseNpgsql(ConnectionString).UseSnakeCaseNamingConvention().Options;
        await using var db = new WorkoutDb(options);
        var hasher = new PasswordHasher<User>();
        var hash = hasher.HashPassword(new User { DisplayName = "x", Role = UserRole.Athlete }, password);
        var emails = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.CreateVersion7();
            var email = $"bench-{id:N}@bench.workouttracker.dev";
            db.Users.Add(new User { Id = id, DisplayName = $"Bench athlete {i}", Role = UserRole.Athlete, Email = email, PasswordHash = hash });
            emails.Add(email);
        }

        await db.SaveChangesAsync();
        return emails;
    }

    public async Task<HttpClient> ClientForAsync(string email, string password)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var client = new HttpClient(handler) { BaseAddress = BaseAddress };
        using var response = await client.PostAsJsonAsync("/account/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> TokenAsync(string email, string password)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        using var response = await client.PostAsJsonAsync("/account/token", new { email, password });
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
    }

    /// <summary>
    /// PostGraphile 5 (bench/postgraphile, installed from npm by run.sh with its own Node) over this bench's
    /// database on a free loopback port; the caller disposes (stops) it.
    /// </summary>
    public async Task<PeerServer> StartPostGraphileAsync()
    {
        var folder = Path.Combine(RepositoryRoot, "bench", "postgraphile");
        var node = Path.Combine(folder, "node_modules", ".bin", "node");
        if (!File.Exists(node))
        {
            throw new InvalidOperationException("PostGraphile is not installed: run bench/run.sh (it runs npm ci in bench/postgraphile)");
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var url = $"postgres://{Uri.EscapeDataString(builder.Username!)}{(builder.Password is { } p ? ":" + Uri.EscapeDataString(p) : "")}@{builder.Host}:{builder.Port}/{builder.Database}";
        var port = FreePort();
        var start = new ProcessStartInfo(node)
        {
            ArgumentList = { Path.Combine(folder, "server.mjs"), url, port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["NODE_ENV"] = "production", ["GRAPHILE_ENV"] = "production" },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start PostGraphile");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("[postgraphile] " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var peer = new PeerServer(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = peer.BaseAddress };
        for (var i = 0; ; i++)
        {
            try
            {
                using var probe = await http.PostAsJsonAsync("/graphql", new { query = "{ __typename }" });
                if (probe.IsSuccessStatusCode)
                {
                    return peer;
                }
            }
            catch (HttpRequestException) when (i < 300)
            {
            }

            if (process.HasExited || i >= 300)
            {
                await peer.DisposeAsync();
                throw new InvalidOperationException("PostGraphile did not become ready");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The server's peak resident set size so far (VmHWM), in MiB.</summary>
    public double PeakRssMiB() => ServerStatusMiB("VmHWM:");

    /// <summary>The server's resident memory now (after a scenario: what it kept, against the peak it reached).</summary>
    public double RssMiB() => ServerStatusMiB("VmRSS:");

    private double ServerStatusMiB(string field)
    {
        var line = File.ReadLines($"/proc/{_server.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server.Dispose();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(ConnectionString).Database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} {arguments} failed");
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WorkoutTracker.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("run from inside the repository");
    }

    private sealed record TokenResponse(string AccessToken);
}

/// <summary>A peer GraphQL server the bench runs beside ours (PostGraphile); disposing stops it.</summary>
public sealed class PeerServer(Process process, Uri baseAddress) : IAsyncDisposable
{
    public Uri BaseAddress { get; } = baseAddress;

    /// <summary>The peer's peak resident set size (VmHWM), in MiB.</summary>
    public double PeakRssMiB()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
