using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;
using WorkoutTracker.Resilience.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WorkoutTracker.Resilience.Tests;

/// <summary>
/// The live channel across a PostgreSQL restart under a running server process: a subscriber that stays
/// connected and one that drops, misses the sets committed while the database restarts (and the server's
/// listener reconnects), and resumes with its last cursor, each receive every set exactly once, in order.
/// </summary>
public sealed class LiveResumeAcrossRestartTests(ITestOutputHelper output)
{
    private const string SessionUpdated = """
        subscription Live($sessionId: ID!, $after: String) { sessionUpdated(sessionId: $sessionId, after: $after) { cursor kind setId sessionVersion } }
        """;

    [Fact]
    public async Task Subscribers_get_every_set_once_in_order_across_a_database_restart_the_one_that_dropped_by_resuming_with_its_cursor()
    {
        await using var postgres = await DedicatedPostgres.StartAsync();
        var connectionString = postgres.ConnectionString("workouttracker");
        await using var server = AppProcess.Server(connectionString);
        await server.StartAsync();
        var token = await RetryingClient.TokenAsync(server.Address, "athlete@demo.workouttracker.dev", "athlete-demo");
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var athlete = new RetryingClient(http);
        using var done = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        var sessionId = await athlete.StartSessionAsync(done.Token);
        var logged = new List<string> { await LogAsync(athlete, sessionId, done.Token) };

        // Both subscribe after the first set's event: graphql-ws answers nothing to a subscribe, so a
        // subscription that starts from a cursor is the only one that cannot miss what comes next.
        var first = await FirstCursorAsync(connectionString, sessionId);
        using var staying = await LiveSubscription.OpenAsync(server.Address, token, SessionUpdated, new { sessionId, after = first });
        var stayingSaw = new List<string>();
        string lastSeenByDropping;
        using (var dropping = await LiveSubscription.OpenAsync(server.Address, token, SessionUpdated, new { sessionId, after = first }))
        {
            logged.Add(await LogAsync(athlete, sessionId, done.Token));
            var seen = await dropping.NextDataAsync();
            Assert.Equal(logged[1], SetId(seen));
            lastSeenByDropping = seen["sessionUpdated"]!["cursor"]!.GetValue<string>();
        }

        // The phone is gone; PostgreSQL goes down under the server; sets go on being logged through it,
        // each retried by the client until the database is back (and the server's listener with it).
        var restart = postgres.RestartAsync();
        await WaitUntilDatabaseRefusesAsync(connectionString);
        var duringRestart = new List<Acknowledged>();
        for (var i = 0; i < 3; i++)
        {
            duringRestart.Add(await athlete.LogSetAsync(sessionId, Guid.NewGuid().ToString(), reps: 5, done.Token));
        }

        logged.AddRange(duringRestart.Select(a => a.SetId));
        Assert.True(duringRestart[0].Attempts > 1, "the first set after the database went down was accepted at once: the restart did not hit it");
        await restart;
        for (var i = 0; i < 2; i++)
        {
            logged.Add(await LogAsync(athlete, sessionId, done.Token));
        }

        using var resumed = await LiveSubscription.OpenAsync(server.Address, token, SessionUpdated, new { sessionId, after = lastSeenByDropping });
        var resumedSaw = new List<string>();
        for (var i = 2; i < logged.Count; i++)
        {
            resumedSaw.Add(SetId(await resumed.NextDataAsync()));
        }

        for (var i = 1; i < logged.Count; i++)
        {
            stayingSaw.Add(SetId(await staying.NextDataAsync()));
        }

        // One more, live, after all of that: both see it, and only it.
        logged.Add(await LogAsync(athlete, sessionId, done.Token));
        resumedSaw.Add(SetId(await resumed.NextDataAsync()));
        stayingSaw.Add(SetId(await staying.NextDataAsync()));
        output.WriteLine($"{logged.Count} sets logged; the database restarted once under the server");

        Assert.Equal(logged[2..], resumedSaw);
        Assert.Equal(logged[1..], stayingSaw);
    }

    /// <summary>Until a new connection is refused: the restart has begun.</summary>
    private static async Task WaitUntilDatabaseRefusesAsync(string connectionString)
    {
        var probe = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 2 }.ConnectionString;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(probe);
                await connection.OpenAsync(limit.Token);
            }
            catch (NpgsqlException)
            {
                return;
            }

            await Task.Delay(10, limit.Token);
        }
    }

    private static async Task<string> LogAsync(RetryingClient athlete, string sessionId, CancellationToken cancellationToken) =>
        (await athlete.LogSetAsync(sessionId, Guid.NewGuid().ToString(), reps: 5, cancellationToken)).SetId;

    private static string SetId(System.Text.Json.Nodes.JsonNode data) => data["sessionUpdated"]!["setId"]!.GetValue<string>();

    /// <summary>The cursor the server gives out for the session's first event (<c>ev1:xid:id</c>, base64), read from the log.</summary>
    private static async Task<string> FirstCursorAsync(string connectionString, string sessionId)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT xid::text, id FROM event_log WHERE session_id = $1::uuid ORDER BY xid, id LIMIT 1", db) { Parameters = { new() { Value = sessionId } } };
        await using var row = await command.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync(), "the first set wrote no event");
        var position = string.Create(CultureInfo.InvariantCulture, $"ev1:{row.GetString(0)}:{row.GetInt64(1)}");
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(position));
    }
}
