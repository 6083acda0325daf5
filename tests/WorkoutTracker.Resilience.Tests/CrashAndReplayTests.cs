using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Npgsql;
using WorkoutTracker.Resilience.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WorkoutTracker.Resilience.Tests;

/// <summary>
/// Clients log sets while the server process is killed with SIGKILL and restarted several times and
/// PostgreSQL restarts once underneath a running server; every unacknowledged call is retried with the
/// same clientMutationId. Besides, every tenth committed logSet loses its answer on the way back (deterministically),
/// so every run has calls that must be answered as replays. Afterwards every acknowledged set exists exactly once,
/// no set exists twice, and each call whose answer was lost was answered replayed: true by its retry.
/// The load is short here; <c>WORKOUTTRACKER_CHAOS_SETS=5000</c> runs the full one.
/// </summary>
public sealed class CrashAndReplayTests(ITestOutputHelper output)
{
    private const int Workers = 6;
    /// <summary>Every n-th committed logSet of a worker loses its answer on the way back (see <see cref="LostAnswerHandler"/>).</summary>
    private const int LoseEveryNth = 10;
    private static readonly int TotalSets = int.TryParse(Environment.GetEnvironmentVariable("WORKOUTTRACKER_CHAOS_SETS"), out var n) ? n : 600;

    [Fact]
    public async Task Every_acknowledged_set_exists_exactly_once_after_server_kills_and_a_database_restart()
    {
        await using var postgres = await DedicatedPostgres.StartAsync();
        var connectionString = postgres.ConnectionString("workouttracker");
        await using var server = AppProcess.Server(connectionString);
        await server.StartAsync();
        var token = await RetryingClient.TokenAsync(server.Address, "athlete@demo.workouttracker.dev", "athlete-demo");

        var acknowledged = new ConcurrentBag<Acknowledged>();
        var perWorker = TotalSets / Workers;
        using var done = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var sessions = new string[Workers];
        var lost = Enumerable.Range(0, Workers).Select(_ => new LostAnswerHandler(LoseEveryNth)).ToArray();
        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            using var http = new HttpClient(lost[w]) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(5) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var client = new RetryingClient(http);
            sessions[w] = await client.StartSessionAsync(done.Token);
            for (var i = 0; i < perWorker; i++)
            {
                acknowledged.Add(await client.LogSetAsync(sessions[w], Guid.NewGuid().ToString(), reps: 1 + (i % 12), done.Token));
            }
        })).ToList();

        // Faults at fixed points of progress: kill at 15/35/55/75 %, restart PostgreSQL at 45 %.
        var kills = 0;
        var databaseRestarts = 0;
        foreach (var (at, fault) in new[] { (0.15, "kill"), (0.35, "kill"), (0.45, "postgres"), (0.55, "kill"), (0.75, "kill") })
        {
            while (acknowledged.Count < TotalSets * at && !workers.All(t => t.IsCompleted))
            {
                await Task.Delay(10);
            }

            if (fault == "kill")
            {
                await server.KillAsync();
                kills++;
                await server.StartAsync();
            }
            else
            {
                await postgres.RestartAsync();
                databaseRestarts++;
            }
        }

        await Task.WhenAll(workers);

        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        // Only this run's sessions: the database also holds the demo athlete's seeded history.
        var sets = await QueryAsync(db, "SELECT id::text, session_id::text FROM sets WHERE session_id::text = ANY($1)", sessions);
        var records = await QueryAsync(
            db, "SELECT client_mutation_id, result_id FROM idempotency_records WHERE operation = 'logSet' AND client_mutation_id = ANY($1)",
            [.. acknowledged.Select(a => a.ClientMutationId)]);
        var setIds = sets.Select(s => s[0]).ToList();
        var retried = acknowledged.Count(a => a.Attempts > 1);
        output.WriteLine($"{acknowledged.Count} acknowledged, {retried} after retries ({acknowledged.Count(a => a.Replayed)} answered as replays), {kills} kills, {databaseRestarts} database restarts, {sets.Count} sets stored");

        Assert.Equal(4, kills);
        Assert.Equal(1, databaseRestarts);
        Assert.Equal(perWorker * Workers, acknowledged.Count);
        Assert.Equal(acknowledged.Count, acknowledged.Select(a => a.ClientMutationId).Distinct().Count());
        Assert.Equal(setIds.Count, setIds.Distinct().Count());
        Assert.Equal(acknowledged.Count, sets.Count);
        Assert.All(acknowledged, a => Assert.Contains(a.SetId, setIds));
        Assert.Equal(sets.Count, records.Count);
        Assert.All(sessions, s => Assert.Equal(perWorker, sets.Count(set => set[1] == s)));
        Assert.True(retried > 0, "no call needed a retry: the faults did not hit the load");

        // Calls whose answer was lost after commit: retried, answered as replays of the first result, written once.
        var lostIds = lost.SelectMany(l => l.Lost.Keys).ToHashSet();
        var replays = acknowledged.Where(a => lostIds.Contains(a.ClientMutationId)).ToList();
        output.WriteLine($"{lostIds.Count} answers lost after commit, all retried: {replays.Count(a => a.Replayed)} answered replayed: true");
        Assert.True(lostIds.Count >= perWorker / LoseEveryNth * Workers, $"only {lostIds.Count} answers were lost");
        Assert.Equal(lostIds.Count, replays.Count);
        Assert.All(replays, a =>
        {
            Assert.True(a.Replayed, $"{a.ClientMutationId}: its first answer was lost after commit, the retry must be a replay");
            Assert.True(a.Attempts > 1);
            Assert.Single(setIds, id => id == a.SetId);
        });
    }

    private static async Task<List<string[]>> QueryAsync(NpgsqlConnection db, string sql, string[] values)
    {
        await using var command = new NpgsqlCommand(sql, db) { Parameters = { new() { Value = values } } };
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetString(i))]);
        }

        return rows;
    }
}
