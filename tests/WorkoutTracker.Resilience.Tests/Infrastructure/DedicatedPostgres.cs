using System.Diagnostics;
using Npgsql;

namespace WorkoutTracker.Resilience.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of the test's own (initdb in a temporary folder, its own port), so the test can
/// restart it without disturbing other tests that share the project-local cluster. As root, the server
/// binaries run as the unprivileged <c>postgres</c> user, as scripts/postgres.sh does.
/// </summary>
public sealed class DedicatedPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;

    private DedicatedPostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database }.ConnectionString;

    public static async Task<DedicatedPostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql (scripts/postgres.sh installs them)");
        var folder = Path.Combine(Path.GetTempPath(), "wt-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var cluster = new DedicatedPostgres(bin, folder, AppProcess.FreePort());
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "postgres", folder);
        }

        await cluster.AsOwnerAsync("initdb", "-D", cluster.Data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8");
        await cluster.PgCtlAsync("start");
        return cluster;
    }

    private string Data => Path.Combine(_folder, "data");

    /// <summary>A fast restart: every connection is cut, clients must reconnect.</summary>
    public Task RestartAsync() => PgCtlAsync("restart", "-m", "fast");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsOwnerAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private Task PgCtlAsync(string command, params string[] extra) =>
        AsOwnerAsync("pg_ctl", ["-D", Data, "-l", Path.Combine(_folder, "postgres.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=200", .. extra, command]);

    private Task AsOwnerAsync(string program, params string[] arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. arguments])
            : RunAsync(Path.Combine(_bin, program), arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }
}
