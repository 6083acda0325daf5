using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace WorkoutTracker.ServiceDefaults;

/// <summary>
/// Waits, when a host starts, until its PostgreSQL database accepts connections, and creates the
/// database when it is missing. On a new machine the server, the BFF and the scripts start at the same
/// time against a cluster that may still be starting and has no application database yet: whoever
/// arrives first creates it, the others lose that race harmlessly, and everybody waits (with a log line
/// per attempt) rather than crashing. The wait is bounded; after it, or at once for an error that waiting
/// cannot cure (a role that does not exist, a wrong password), a <see cref="DatabaseUnavailableException"/>
/// names the host, port and database.
/// </summary>
public static partial class DatabaseAvailability
{
    /// <summary>How long a host waits by default (<c>Database:StartupWait</c>).</summary>
    public static readonly TimeSpan DefaultMaxWait = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The host's start-up wait: <c>Database:StartupWait</c> (default 60 s) bounds it, and stopping the
    /// host (Ctrl+C, SIGTERM) ends it.
    /// </summary>
    public static Task WaitForDatabaseAsync(this IHost host, string connectionString)
    {
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        return WaitForDatabaseAsync(
            connectionString,
            host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("WorkoutTracker.Database"),
            configuration.GetValue("Database:StartupWait", DefaultMaxWait),
            cancellationToken: host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
    }

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(2);

    /// <param name="connectionString">The host's Npgsql connection string (its database is the one waited for).</param>
    /// <param name="createIfMissing">Create the database through the <c>postgres</c> maintenance database when it does not exist.</param>
    public static async Task WaitForDatabaseAsync(
        string connectionString,
        ILogger logger,
        TimeSpan maxWait,
        bool createIfMissing = true,
        TimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        time ??= TimeProvider.System;
        var target = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var where = $"PostgreSQL at {target.Host}:{target.Port}, database '{target.Database}'";
        var started = time.GetTimestamp();
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            string reason;
            Exception failure;
            try
            {
                await using var connection = new NpgsqlConnection(target.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                if (attempt > 1)
                {
                    Log.Available(logger, target.Host, target.Port, target.Database, attempt);
                }

                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
            {
                if (createIfMissing && await TryCreateAsync(target, logger, cancellationToken))
                {
                    continue;
                }

                (reason, failure) = ("the database does not exist yet", e);
            }
            catch (PostgresException e) when (IsTransient(e.SqlState))
            {
                (reason, failure) = ($"{e.SqlState}: {e.MessageText}", e);
            }
            catch (PostgresException e)
            {
                // Waiting cannot cure a missing role, a refused password or a pg_hba rule.
                Log.Refused(logger, target.Host, target.Port, target.Database, e.SqlState, e.MessageText);
                throw new DatabaseUnavailableException($"{where} refused the connection ({e.SqlState}: {e.MessageText}).", e);
            }
            catch (NpgsqlException e)
            {
                (reason, failure) = (e.InnerException?.Message ?? e.Message, e);
            }

            var waited = time.GetElapsedTime(started);
            if (waited + delay > maxWait)
            {
                Log.GaveUp(logger, target.Host, target.Port, target.Database, maxWait, reason);
                throw new DatabaseUnavailableException(
                    $"{where} was not available within {maxWait.TotalSeconds:0} s ({reason}). Start PostgreSQL " +
                    "(./run.sh and ./test.sh start the project-local one: scripts/postgres.sh start) or check ConnectionStrings:Workouts.",
                    failure);
            }

            Log.Waiting(logger, target.Host, target.Port, target.Database, reason, delay.TotalMilliseconds, attempt);
            await Task.Delay(delay, time, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestDelay.Ticks));
        }
    }

    /// <summary>The server is starting, shutting down, recovering or full: it will take connections again.</summary>
    private static bool IsTransient(string sqlState) =>
        sqlState is PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections
            or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown;

    /// <summary>
    /// Creates the database; true when it exists afterwards, whoever created it. Two hosts that both find it
    /// missing both try: the loser gets <c>duplicate_database</c> (or, when the catalog insert itself races,
    /// <c>unique_violation</c>), which means the same as success here.
    /// </summary>
    private static async Task<bool> TryCreateAsync(NpgsqlConnectionStringBuilder target, ILogger logger, CancellationToken cancellationToken)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" };
        try
        {
            await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            var name = target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            Log.Created(logger, target.Host, target.Port, target.Database);
            return true;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            return true;
        }
        catch (PostgresException e)
        {
            // No right to create it (or no maintenance database): someone else has to; keep waiting for them.
            Log.CannotCreate(logger, target.Database, e.SqlState, e.MessageText);
            return false;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning,
            Message = "Waiting for PostgreSQL at {Host}:{Port}, database '{Database}': {Reason}; retrying in {DelayMs} ms (attempt {Attempt})")]
        public static partial void Waiting(ILogger logger, string? host, int port, string? database, string reason, double delayMs, int attempt);

        [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL at {Host}:{Port}, database '{Database}' is available (attempt {Attempt})")]
        public static partial void Available(ILogger logger, string? host, int port, string? database, int attempt);

        [LoggerMessage(Level = LogLevel.Information, Message = "Created database '{Database}' on PostgreSQL at {Host}:{Port}")]
        public static partial void Created(ILogger logger, string? host, int port, string? database);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not create database '{Database}' ({SqlState}: {Reason}); waiting for it to be created")]
        public static partial void CannotCreate(ILogger logger, string? database, string sqlState, string reason);

        [LoggerMessage(Level = LogLevel.Critical, Message = "PostgreSQL at {Host}:{Port}, database '{Database}' refused the connection ({SqlState}: {Reason})")]
        public static partial void Refused(ILogger logger, string? host, int port, string? database, string sqlState, string reason);

        [LoggerMessage(Level = LogLevel.Critical, Message = "PostgreSQL at {Host}:{Port}, database '{Database}' was not available within {MaxWait}: {Reason}")]
        public static partial void GaveUp(ILogger logger, string? host, int port, string? database, TimeSpan maxWait, string reason);
    }
}

/// <summary>The host's database could not be reached within the start-up wait, or refused it outright.</summary>
public sealed class DatabaseUnavailableException(string message, Exception inner) : Exception(message, inner);
