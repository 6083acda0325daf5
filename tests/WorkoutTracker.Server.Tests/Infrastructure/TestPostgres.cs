using System.Diagnostics;
using Npgsql;

namespace WorkoutTracker.Server.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: <c>WORKOUTTRACKER_TEST_POSTGRES</c> when set (the test script
/// sets it), otherwise the project-local cluster, started through <c>scripts/postgres.sh</c>. Each test
/// class gets a database of its own, dropped when the class is done.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<Task<string>> ServerConnectionString = new(ResolveAsync);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix = "wt_test")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];
        await using var connection = new NpgsqlConnection(await AdminAsync());
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(await ServerConnectionString.Value) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await AdminAsync());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<string> AdminAsync() =>
        new NpgsqlConnectionStringBuilder(await ServerConnectionString.Value) { Database = "postgres", Pooling = false }.ConnectionString;

    private static async Task<string> ResolveAsync()
    {
        var configured = Environment.GetEnvironmentVariable("WORKOUTTRACKER_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var script = Path.Combine(RepositoryRoot, "scripts", "postgres.sh");
        using var process = Process.Start(new ProcessStartInfo(script, "connection-string")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ConnectionStrings__Workouts"] = null },
        }) ?? throw new InvalidOperationException($"Could not run {script}");
        var errorsRead = process.StandardError.ReadToEndAsync();
        var output = (await process.StandardOutput.ReadToEndAsync()).Trim();
        var errors = await errorsRead;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || output.Length == 0)
        {
            throw new InvalidOperationException($"{script} connection-string failed ({process.ExitCode}): {errors}");
        }

        return output;
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WorkoutTracker.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("WorkoutTracker.sln not found above " + AppContext.BaseDirectory);
    }
}
