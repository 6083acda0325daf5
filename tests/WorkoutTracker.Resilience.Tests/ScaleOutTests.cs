using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using WorkoutTracker.Resilience.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WorkoutTracker.Resilience.Tests;

/// <summary>
/// Two server instances behind the BFF on one database, as processes. The athlete's app logs sets
/// through the BFF while a coach watches through the BFF's WebSocket; halfway, the instance not holding
/// the coach's socket is killed. The BFF routes around it, every acknowledged set id is stored exactly
/// once, and the coach saw sets both instances served before the kill and every set logged after it.
/// </summary>
public sealed class ScaleOutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Workers = 4;
    private static readonly int TotalSets = int.TryParse(Environment.GetEnvironmentVariable("WORKOUTTRACKER_SCALEOUT_SETS"), out var n) ? n : 400;
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await TestPostgres.CreateDatabaseAsync("wt_scale");

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(_connectionString);

    [Fact]
    public async Task Load_through_the_bff_survives_losing_one_of_two_server_instances()
    {
        // Request logging shows which instance holds the coach's WebSocket, so the other one is the one killed.
        (string, string)[] settings = [("ServiceDefaults:InstanceHeader", "true"), ("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Information")];
        await using var first = AppProcess.Server(_connectionString, settings);
        await using var second = AppProcess.Server(_connectionString, settings);
        await first.StartAsync();
        await second.StartAsync();
        await using var bff = AppProcess.Bff(
            _connectionString,
            ("Server:Addresses:0", first.Address.ToString()),
            ("Server:Addresses:1", second.Address.ToString()),
            ("Server:LoadBalancing", "RoundRobin"),
            ("Bff:Session:SecureCookie", "false"),
            ("Bff:RateLimiting:PermitLimit", "1000000"));
        await bff.StartAsync();

        var athleteCookie = await SignInAsync(bff.Address, "athlete@demo.workouttracker.dev", "athlete-demo");
        var coachCookie = await SignInAsync(bff.Address, "coach@demo.workouttracker.dev", "coach-demo");
        using var watcher = await WatchAsync(bff.Address, coachCookie);
        var (victim, survivor) = await WatcherInstanceAsync(first, second) == first ? (second, first) : (first, second);

        var acknowledged = new ConcurrentBag<(Acknowledged Set, bool BeforeKill)>();
        var killed = false;
        using var done = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var sessions = new string[Workers];
        var perWorker = TotalSets / Workers;
        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = bff.Address, Timeout = TimeSpan.FromSeconds(5) };
            http.DefaultRequestHeaders.Add("Cookie", athleteCookie);
            http.DefaultRequestHeaders.Add("X-CSRF", "1");
            var client = new RetryingClient(http, persisted: true);
            sessions[w] = await client.StartSessionAsync(done.Token);
            for (var i = 0; i < perWorker; i++)
            {
                var beforeKill = !Volatile.Read(ref killed);
                acknowledged.Add((await client.LogSetAsync(sessions[w], Guid.NewGuid().ToString(), reps: 5, done.Token), beforeKill));
            }
        })).ToList();

        while (acknowledged.Count < TotalSets / 2)
        {
            await Task.Delay(10);
        }

        // A call counts as "after the kill" only if it started once the process was gone: one started
        // while the SIGKILL was on its way may still have been served by the first instance.
        await victim.KillAsync();
        Volatile.Write(ref killed, true);
        await Task.WhenAll(workers);

        // The coach's socket is on the survivor, which serves every call after the kill: each of those sets must reach it.
        var afterKillSets = acknowledged.Where(a => !a.BeforeKill).Select(a => a.Set.SetId).ToHashSet();
        using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (!afterKillSets.IsSubsetOf(watcher.SeenSetIds) && !patience.IsCancellationRequested)
            {
                await Task.Delay(20); // waiting on state: the events still in flight to the coach
            }
        }

        var servedBy = acknowledged.Where(a => a.BeforeKill).Select(a => a.Set.ServedBy).Distinct().ToList();
        var after = acknowledged.Where(a => !a.BeforeKill).Select(a => a.Set.ServedBy).Distinct().ToList();
        await using var db = new NpgsqlConnection(_connectionString);
        await db.OpenAsync();
        // Only this run's sessions: the database also holds the demo athlete's seeded history.
        await using var query = new NpgsqlCommand("SELECT id::text FROM sets WHERE session_id::text = ANY($1)", db)
        {
            Parameters = { new() { Value = sessions } },
        };
        var storedIds = new List<string>();
        await using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                storedIds.Add(reader.GetString(0));
            }
        }

        var (stored, distinct) = (storedIds.Count, storedIds.Distinct().Count());
        var seen = watcher.SeenSetIds;
        var beforeKillSets = acknowledged.Where(a => a.BeforeKill && a.Set.ServedBy is not null).ToList();
        output.WriteLine($"{acknowledged.Count} acknowledged ({acknowledged.Count(a => a.Set.Attempts > 1)} after retries), served before the kill by [{string.Join(", ", servedBy)}], after by [{string.Join(", ", after)}]; stored {stored}; coach saw {seen.Count}");

        Assert.Equal(perWorker * Workers, acknowledged.Count);
        Assert.Equal(acknowledged.Count, stored);
        Assert.Equal(stored, distinct);
        Assert.All(acknowledged, a => Assert.Single(storedIds, id => id == a.Set.SetId)); // every acknowledged set, exactly once
        Assert.Equal(acknowledged.Select(a => a.Set.SetId).Order(StringComparer.Ordinal), storedIds.Order(StringComparer.Ordinal));
        Assert.NotEmpty(afterKillSets);
        Assert.Empty(afterKillSets.Except(seen)); // the coach saw every set logged after the kill
        Assert.Equal(2, servedBy.Count);
        Assert.Single(after);
        Assert.All(acknowledged, a => Assert.NotNull(a.Set.ServedBy));
        foreach (var instance in servedBy)
        {
            Assert.Contains(beforeKillSets.Where(a => a.Set.ServedBy == instance), a => seen.Contains(a.Set.SetId));
        }
    }

    /// <summary>The instance whose request log shows the coach's WebSocket upgrade (GET /graphql), waited for.</summary>
    private static async Task<AppProcess> WatcherInstanceAsync(AppProcess first, AppProcess second)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var holders = new[] { first, second }.Where(p => p.RecentLog.Split('\n').Any(line => line.Contains("GET http", StringComparison.Ordinal) && line.Contains("/graphql", StringComparison.Ordinal))).ToList();
            if (holders.Count == 1)
            {
                return holders[0];
            }

            Assert.True(holders.Count == 0, "both instances logged a GET /graphql");
            await Task.Delay(20, patience.Token); // the log lines arrive through the processes' stdout
        }
    }

    private static async Task<string> SignInAsync(Uri bff, string email, string password)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = bff };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/bff/login") { Content = JsonContent.Create(new { email, password }) };
        request.Headers.Add("X-CSRF", "1");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Set-Cookie").First().Split(';')[0];
    }

    /// <summary>A coach's athleteActivity subscription through the BFF (cookie and Origin, as a browser).</summary>
    private static async Task<Watcher> WatchAsync(Uri bff, string cookie)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        socket.Options.SetRequestHeader("Cookie", cookie);
        socket.Options.SetRequestHeader("Origin", bff.GetLeftPart(UriPartial.Authority));
        await socket.ConnectAsync(new Uri($"ws://{bff.Authority}/graphql"), CancellationToken.None);
        await SendAsync(socket, new { type = "connection_init" });
        var ack = await ReceiveAsync(socket, CancellationToken.None);
        Assert.Equal("connection_ack", ack?["type"]?.GetValue<string>());
        await SendAsync(socket, new { id = "watch", type = "subscribe", payload = new { query = "subscription { athleteActivity { kind setId } }" } });
        return new Watcher(socket);
    }

    private sealed class Watcher : IDisposable
    {
        private readonly ClientWebSocket _socket;
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentDictionary<string, bool> _seen = new();

        public Watcher(ClientWebSocket socket)
        {
            _socket = socket;
            _ = Task.Run(ReadAsync);
        }

        public IReadOnlySet<string> SeenSetIds => _seen.Keys.ToHashSet();

        public void Dispose()
        {
            _stop.Cancel();
            _socket.Abort();
            _socket.Dispose();
            _stop.Dispose();
        }

        private async Task ReadAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var message = await ReceiveAsync(_socket, _stop.Token);
                    if (message?["payload"]?["data"]?["athleteActivity"]?["setId"]?.GetValue<string>() is { } setId)
                    {
                        _seen[setId] = true;
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
            }
        }
    }

    private static Task SendAsync(ClientWebSocket socket, object message) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonNode?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var text = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            text.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return result.MessageType == WebSocketMessageType.Close ? null : JsonNode.Parse(Encoding.UTF8.GetString(text.ToArray()));
    }
}
