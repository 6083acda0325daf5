using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Npgsql;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.ServiceDefaults;

namespace WorkoutTracker.Server.Tests.Data;

/// <summary>
/// How the server and the BFF meet their database when they start on a new machine: it may not exist
/// yet, both may create it at once, PostgreSQL may not be up yet, and a wrong setting must fail clearly.
/// </summary>
public sealed class DatabaseAvailabilityTests
{
    [Fact]
    public async Task Missing_database_is_created_once_while_eight_hosts_start_at_the_same_moment()
    {
        var connectionString = await NewDatabaseNameAsync();
        var logger = new FakeLogger();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
                DatabaseAvailability.WaitForDatabaseAsync(connectionString, logger, TimeSpan.FromSeconds(30)))));

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            Assert.Equal(1, logger.Collector.GetSnapshot().Count(r => r.Message.StartsWith("Created database", StringComparison.Ordinal)));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task Host_that_may_not_create_the_database_waits_for_it_and_goes_on_once_it_exists()
    {
        var connectionString = await NewDatabaseNameAsync();
        var logger = new FakeLogger();
        var firstWait = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = DatabaseAvailability.WaitForDatabaseAsync(
            connectionString, new SignallingLogger(logger, "Waiting for PostgreSQL", firstWait), TimeSpan.FromSeconds(60), createIfMissing: false);
        try
        {
            await firstWait.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.False(waiting.IsCompleted);

            await CreateDatabaseAsync(connectionString);
            await waiting.WaitAsync(TimeSpan.FromSeconds(30));

            var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
            var messages = logger.Collector.GetSnapshot().Select(r => r.Message).ToList();
            Assert.Contains(messages, m => m.Contains($"database '{database}': the database does not exist yet", StringComparison.Ordinal));
            Assert.Contains($"database '{database}' is available", messages[^1], StringComparison.Ordinal);
            Assert.DoesNotContain(messages, m => m.StartsWith("Created database", StringComparison.Ordinal));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task PostgreSQL_that_never_answers_fails_after_the_bounded_wait_naming_host_port_and_database()
    {
        var port = ClosedPort();
        var connectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=workouttracker_nowhere;Timeout=2";
        var logger = new FakeLogger();

        var failure = await Assert.ThrowsAsync<DatabaseUnavailableException>(() =>
            DatabaseAvailability.WaitForDatabaseAsync(connectionString, logger, TimeSpan.FromSeconds(1)));

        Assert.Contains($"PostgreSQL at 127.0.0.1:{port}, database 'workouttracker_nowhere' was not available within 1 s", failure.Message, StringComparison.Ordinal);
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.StartsWith($"Waiting for PostgreSQL at 127.0.0.1:{port}", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Critical, logger.LatestRecord.Level);
    }

    [Fact]
    public async Task A_role_that_does_not_exist_fails_at_once_without_waiting()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(await NewDatabaseNameAsync()) { Username = "no_such_role_" + Guid.NewGuid().ToString("N")[..8] }.ConnectionString;
        var logger = new FakeLogger();

        var failure = await Assert.ThrowsAsync<DatabaseUnavailableException>(() =>
            DatabaseAvailability.WaitForDatabaseAsync(connectionString, logger, TimeSpan.FromMinutes(5)));

        Assert.Contains("refused the connection (28000", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Message.StartsWith("Waiting", StringComparison.Ordinal));
    }

    /// <summary>A connection string to the test cluster naming a database that does not exist.</summary>
    private static async Task<string> NewDatabaseNameAsync()
    {
        var existing = await TestPostgres.CreateDatabaseAsync("wt_avail");
        await TestPostgres.DropDatabaseAsync(existing);
        return existing;
    }

    private static async Task CreateDatabaseAsync(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>A port on which nothing listens: taken from the system, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Logs to <paramref name="inner"/> and completes <paramref name="signal"/> at the first message starting with <paramref name="prefix"/>.</summary>
    private sealed class SignallingLogger(ILogger inner, string prefix, TaskCompletionSource signal) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
            if (formatter(state, exception).StartsWith(prefix, StringComparison.Ordinal))
            {
                signal.TrySetResult();
            }
        }
    }
}
