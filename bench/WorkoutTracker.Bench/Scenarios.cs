using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using WorkoutTracker.Server.GraphQL.PersistedOperations;

namespace WorkoutTracker.Bench;

/// <summary>The measured scenarios. Each prints as it goes and returns its figures.</summary>
public sealed class Scenarios(BenchSystem system, BenchOptions options)
{
    private const string Password = "bench-password";

    /// <summary>Plain Kestrel answering a fixed "ok": the HTTP ceiling of this machine.</summary>
    public async Task<LoadResult> HttpCeilingAsync()
    {
        var port = BenchSystem.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapGet("/", () => "ok");
        await app.StartAsync();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        return await LoadRunner.RunAsync("kestrel fixed response", 64, options.Duration, async _ =>
        {
            using var response = await client.GetAsync("/");
            return response.IsSuccessStatusCode;
        });
    }

    /// <summary>weeklyPlan as the app fetches it: a persisted query over GET, then with If-None-Match.</summary>
    public async Task<IReadOnlyList<LoadResult>> WeeklyPlanAsync()
    {
        var email = (await system.CreateAthletesAsync(1, Password))[0];
        using var client = await system.ClientForAsync(email, Password);
        var url = "/graphql?documentId=" + Uri.EscapeDataString(PersistedId("WeeklyPlan")) + "&operationName=WeeklyPlan";
        using var first = await client.GetAsync(url);
        var etag = first.Headers.ETag ?? throw new InvalidOperationException("weeklyPlan GET carried no ETag");

        var full = await LoadRunner.RunAsync("weeklyPlan GET 200", 16, options.Duration, async _ =>
        {
            using var response = await client.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode == HttpStatusCode.OK;
        });
        var notModified = await LoadRunner.RunAsync("weeklyPlan GET 304", 16, options.Duration, async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.IfNoneMatch.Add(etag);
            using var response = await client.SendAsync(request);
            return response.StatusCode == HttpStatusCode.NotModified;
        });
        return [full, notModified];
    }

    /// <summary>An athlete's last 10 sessions with their 10 sets each (DataLoaders batch the sets and exercises).</summary>
    public async Task<LoadResult> SessionsWithSetsAsync()
    {
        var email = (await system.CreateAthletesAsync(1, Password))[0];
        using var client = await system.ClientForAsync(email, Password);
        for (var s = 0; s < 20; s++)
        {
            var sessionId = await StartSessionAsync(client);
            for (var i = 0; i < 10; i++)
            {
                await LogSetAsync(client, sessionId, Guid.NewGuid().ToString());
            }
        }

        const string query = "{ sessions(first: 10) { edges { node { id startedAt sets { id loadKg reps rpe exercise { id name primaryMuscles } } } } } }";
        var body = JsonSerializer.Serialize(new { query });
        return await LoadRunner.RunAsync("sessions(10) with sets", 16, options.Duration, async _ =>
        {
            using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode && !text.Contains("\"errors\"", StringComparison.Ordinal);
        });
    }

    /// <summary>
    /// PostGraphile 5 against our server on the same database, the same data and the same client, one after
    /// the other: 10 sessions with their 10 sets and each set's exercise, and a one-row read (<c>{ me { id } }</c>
    /// against PostGraphile's <c>userByRowId</c>) that shows the fixed cost of a request.
    /// </summary>
    public async Task<IReadOnlyList<LoadResult>> PeersAsync()
    {
        var email = (await system.CreateAthletesAsync(1, Password))[0];
        using var client = await system.ClientForAsync(email, Password);
        for (var s = 0; s < 20; s++)
        {
            var sessionId = await StartSessionAsync(client);
            for (var i = 0; i < 10; i++)
            {
                await LogSetAsync(client, sessionId, Guid.NewGuid().ToString());
            }
        }

        var athleteId = JsonNode.Parse(await (await client.PostAsync("/graphql", new StringContent("{\"query\":\"{ me { id } }\"}", Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync())!["data"]!["me"]!["id"]!.GetValue<string>();
        await using var peer = await system.StartPostGraphileAsync();
        using var peerClient = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = peer.BaseAddress };

        var oursSessions = Json(new { query = "{ sessions(first: 10) { edges { node { id startedAt sets { id loadKg reps rpe exercise { id name primaryMuscles } } } } } }" });
        var peerSessions = Json(new
        {
            query = "query($a: UUID!) { allSessions(condition: { athleteId: $a }, orderBy: STARTED_AT_DESC, first: 10) { nodes { rowId startedAt setsBySessionId(orderBy: ORDER_ASC) { nodes { rowId loadKg reps rpe exerciseByExerciseId { rowId name primaryMuscles } } } } } }",
            variables = new { a = athleteId },
        });
        var oursMe = Json(new { query = "{ me { id } }" });
        var peerMe = Json(new { query = "query($id: UUID!) { userByRowId(rowId: $id) { rowId } }", variables = new { id = athleteId } });

        var results = new List<LoadResult>
        {
            await PostLoadAsync("sessions(10) with sets: ours", client, oursSessions, expect: "\"sets\""),
            await PostLoadAsync("sessions(10) with sets: PostGraphile 5", peerClient, peerSessions, expect: "\"setsBySessionId\""),
            await PostLoadAsync("one-row read { me { id } }: ours", client, oursMe, expect: athleteId),
            await PostLoadAsync("one-row read: PostGraphile 5", peerClient, peerMe, expect: athleteId),
        };
        PeerRssMiB = peer.PeakRssMiB();
        return results;
    }

    /// <summary>PostGraphile's peak RSS in the peer scenario (NaN when it did not run).</summary>
    public double PeerRssMiB { get; private set; } = double.NaN;

    private Task<LoadResult> PostLoadAsync(string name, HttpClient client, byte[] body, string expect) =>
        LoadRunner.RunAsync(name, 16, options.Duration, async _ =>
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync("/graphql", content);
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode && text.Contains(expect, StringComparison.Ordinal) && !text.Contains("\"errors\"", StringComparison.Ordinal);
        });

    private static byte[] Json(object value) => JsonSerializer.SerializeToUtf8Bytes(value);

    /// <summary>
    /// Cost independent of history length: an athlete with five years of training (1,250 sessions, 25,000
    /// sets, written straight into the tables) against a new athlete with one session, on the same server;
    /// each read is called 11 times one after the other (after one unmeasured call) and its median kept.
    /// </summary>
    public async Task<IReadOnlyList<LoadResult>> HistoryLengthAsync()
    {
        var emails = await system.CreateAthletesAsync(2, Password);
        using var veteran = await system.ClientForAsync(emails[0], Password);
        using var novice = await system.ClientForAsync(emails[1], Password);
        var noviceSession = await StartSessionAsync(novice);
        for (var i = 0; i < 20; i++)
        {
            await LogSetAsync(novice, noviceSession, Guid.NewGuid().ToString());
        }

        var veteranId = await MyIdAsync(veteran);
        await using (var dataSource = NpgsqlDataSource.Create(system.ConnectionString))
        await using (var insert = dataSource.CreateCommand("""
            WITH s AS (
                INSERT INTO sessions (id, athlete_id, plan_day_number, started_at, finished_at, version, next_set_order)
                SELECT gen_random_uuid(), $1, NULL, t, t + interval '75 minutes', 21, 20
                FROM (SELECT now() - interval '5 years' + g * interval '35 hours' AS t FROM generate_series(0, 1249) AS g) AS d
                RETURNING id, started_at),
            x AS (SELECT array_agg(id ORDER BY id) AS ids FROM (SELECT id FROM exercises ORDER BY id LIMIT 8) AS e)
            INSERT INTO sets (id, session_id, athlete_id, exercise_id, "order", load_kg, reps, rpe, rest_seconds, is_warmup, set_type, performed_at, updated_at)
            SELECT gen_random_uuid(), s.id, $1,
                   CASE WHEN n % 4 = 0 THEN 'barbell-back-squat' ELSE x.ids[1 + n % 8] END,
                   n + 1, 40 + (n * 7 + extract(doy FROM s.started_at)::integer) % 120, 3 + n % 8, CASE WHEN n % 3 = 0 THEN 8 END, NULL, n < 2,
                   CASE WHEN n < 2 THEN 'Warmup' ELSE 'Working' END, s.started_at + n * interval '3 minutes', s.started_at + n * interval '3 minutes'
            FROM s, x, generate_series(0, 19) AS n
            """))
        {
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = veteranId });
            await insert.ExecuteNonQueryAsync();
            await using var analyze = dataSource.CreateCommand("ANALYZE sets; ANALYZE sessions");
            await analyze.ExecuteNonQueryAsync();
        }

        var reads = new (string Name, object Body)[]
        {
            ("personalRecords", new { query = "{ personalRecords { exercise { id } kind loadKg reps e1rmKg achievedAt } }" }),
            ("coach(\"what are my personal records?\")", new { query = "query($q: String!) { coach(question: $q) { answer } }", variables = new { q = "what are my personal records?" } }),
            ("e1rmHistory", new { query = "{ e1rmHistory(exerciseId: \"barbell-back-squat\") { date e1rmKg loadKg reps } }" }),
            ("weeklyPlan", new { query = "{ weeklyPlan { weekStart days { exercises { exercise { id } targetSets { loadKg repsMin } } } } }" }),
            ("bodyMap", new { query = "{ bodyMap { muscles { muscle hardSets } } }" }),
            ("sessions(first: 10)", new { query = "{ sessions(first: 10) { edges { node { id sets { id loadKg reps } } } } }" }),
        };
        var results = new List<LoadResult>();
        foreach (var (name, body) in reads)
        {
            var json = JsonSerializer.Serialize(body);
            results.Add(await MedianOf11Async($"{name}, 25,000 sets", veteran, json));
            results.Add(await MedianOf11Async($"{name}, new athlete", novice, json));
        }

        return results;
    }

    private static async Task<LoadResult> MedianOf11Async(string name, HttpClient client, string json)
    {
        async Task<(double Ms, bool Ok)> CallAsync()
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync("/graphql", new StringContent(json, Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, response.IsSuccessStatusCode && !text.Contains("\"errors\"", StringComparison.Ordinal));
        }

        await CallAsync();
        var calls = new List<(double Ms, bool Ok)>();
        for (var i = 0; i < 11; i++)
        {
            calls.Add(await CallAsync());
        }

        var sorted = calls.Select(c => c.Ms).Order().ToArray();
        return new LoadResult(name, 1, calls.Count, calls.Count(c => !c.Ok), sorted.Sum() / 1000, sorted[5], sorted[^1]);
    }

    private static async Task<Guid> MyIdAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/graphql", new StringContent("{\"query\":\"{ me { id } }\"}", Encoding.UTF8, "application/json"));
        return Guid.Parse(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["me"]!["id"]!.GetValue<string>());
    }

    /// <summary>logSet at 1, 16 and 64 concurrent clients, each its own athlete and session.</summary>
    public async Task<IReadOnlyList<LoadResult>> LogSetAsync()
    {
        var results = new List<LoadResult>();
        foreach (var clients in new[] { 1, 16, 64 })
        {
            var emails = await system.CreateAthletesAsync(clients, Password);
            var athletes = await Task.WhenAll(emails.Select(async e =>
            {
                var client = await system.ClientForAsync(e, Password);
                return (Client: client, Session: await StartSessionAsync(client));
            }));
            results.Add(await LoadRunner.RunAsync("logSet", clients, options.Duration, worker =>
                LogSetAsync(athletes[worker].Client, athletes[worker].Session, Guid.NewGuid().ToString())));
            foreach (var (client, _) in athletes)
            {
                client.Dispose();
            }
        }

        return results;
    }

    /// <summary>The database's own ceiling for the same durability: one INSERT per committed transaction.</summary>
    public async Task<IReadOnlyList<LoadResult>> NpgsqlInsertCommitAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(system.ConnectionString);
        await using (var create = dataSource.CreateCommand("CREATE TABLE IF NOT EXISTS bench_inserts (id bigserial PRIMARY KEY, payload text NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var results = new List<LoadResult>();
        foreach (var clients in new[] { 1, 16, 64 })
        {
            results.Add(await LoadRunner.RunAsync("raw Npgsql insert+commit", clients, options.Duration, async _ =>
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                await using var insert = new NpgsqlCommand("INSERT INTO bench_inserts (payload) VALUES ($1)", connection, transaction) { Parameters = { new() { Value = "set" } } };
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                return true;
            }));
        }

        return results;
    }

    /// <summary>
    /// The database's own ceiling for what one logSet writes: <c>log_set(...)</c> (claim, session row, set,
    /// body map, event row, answer) called straight from Npgsql with the parameters the server passes for a
    /// squat set, each client its own athlete and open session, no HTTP, no token, no GraphQL.
    /// </summary>
    public async Task<IReadOnlyList<LoadResult>> LogSetInDatabaseAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(system.ConnectionString);
        var results = new List<LoadResult>();
        foreach (var clients in new[] { 16, 64 })
        {
            var emails = await system.CreateAthletesAsync(clients, Password);
            var athletes = new List<(Guid Athlete, Guid Session)>();
            foreach (var email in emails)
            {
                await using var insert = dataSource.CreateCommand(
                    "INSERT INTO sessions (id, athlete_id, started_at, version, next_set_order) SELECT $1, id, now(), 1, 1 FROM users WHERE email = $2 RETURNING athlete_id, id");
                insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = email });
                await using var reader = await insert.ExecuteReaderAsync();
                await reader.ReadAsync();
                athletes.Add((reader.GetGuid(0), reader.GetGuid(1)));
            }

            var week = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-(((int)DateTime.UtcNow.DayOfWeek + 6) % 7)));
            results.Add(await LoadRunner.RunAsync("log_set(...) straight from Npgsql", clients, options.Duration, async worker =>
            {
                var (athlete, session) = athletes[worker];
                var now = DateTimeOffset.UtcNow;
                await using var command = dataSource.CreateCommand("SELECT * FROM log_set($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)");
                command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = athlete });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Guid.NewGuid().ToString() });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "bench" });
                command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = session });
                command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7(now) });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "barbell-back-squat" });
                command.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = 100m });
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = 5 });
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Numeric, Value = 8m });
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer, Value = DBNull.Value });
                command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = false });
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
                command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = week });
                command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ["Quads", "Glutes", "Adductors", "LowerBack"] });
                command.Parameters.Add(new NpgsqlParameter<decimal[]> { TypedValue = [1m, 1m, 0.5m, 0.5m] });
                command.Parameters.Add(new NpgsqlParameter<decimal[]> { TypedValue = [5m, 5m, 2.5m, 2.5m] });
                command.Parameters.Add(new NpgsqlParameter<decimal[]> { TypedValue = [500m, 500m, 250m, 250m] });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "Working" });
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = DBNull.Value });
                await using var reader = await command.ExecuteReaderAsync();
                return await reader.ReadAsync() && reader.GetString(0) == "logged";
            }));
        }

        return results;
    }

    /// <summary>
    /// N WebSocket subscribers on one session; each logSet's delivery latency is measured from just before
    /// the mutation is sent to the moment each subscriber has the event.
    /// </summary>
    public async Task<LoadResult> FanOutAsync(int subscribers)
    {
        var email = (await system.CreateAthletesAsync(1, Password))[0];
        var token = await system.TokenAsync(email, Password);
        using var client = await system.ClientForAsync(email, Password);
        var sessionId = await StartSessionAsync(client);
        var uri = new UriBuilder(system.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;
        var events = options.Quick ? 10 : 30;
        var arrivals = new long[subscribers][];
        var received = new int[subscribers];
        var sockets = new List<ClientWebSocket>();
        for (var i = 0; i < subscribers; i += 50)
        {
            sockets.AddRange(await Task.WhenAll(Enumerable.Range(i, Math.Min(50, subscribers - i)).Select(_ => ConnectAsync(uri, token, sessionId))));
        }

        using var stop = new CancellationTokenSource();
        var readers = sockets.Select((socket, i) =>
        {
            arrivals[i] = new long[events];
            return Task.Run(() => ReadEventsAsync(socket, arrivals[i], received, i, stop.Token));
        }).ToList();
        await Task.Delay(500);

        var latencies = new List<double>();
        var missed = 0;
        var watch = Stopwatch.StartNew();
        for (var e = 0; e < events; e++)
        {
            var sent = Stopwatch.GetTimestamp();
            await LogSetAsync(client, sessionId, Guid.NewGuid().ToString());
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline && Enumerable.Range(0, subscribers).Any(i => Volatile.Read(ref received[i]) <= e))
            {
                await Task.Delay(2);
            }

            for (var i = 0; i < subscribers; i++)
            {
                if (Volatile.Read(ref received[i]) > e)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(sent, arrivals[i][e]).TotalMilliseconds);
                }
                else
                {
                    missed++;
                }
            }
        }

        var seconds = watch.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        foreach (var socket in sockets)
        {
            socket.Abort();
            socket.Dispose();
        }

        await Task.WhenAll(readers);
        var sorted = latencies.Order().ToArray();
        return new LoadResult($"fan-out to {subscribers} subscribers", subscribers, sorted.Length, missed, seconds, LoadRunner.Percentile(sorted, 0.5), LoadRunner.Percentile(sorted, 0.99));
    }

    private static async Task<ClientWebSocket> ConnectAsync(Uri uri, string token, string sessionId)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(uri, CancellationToken.None);
        await SendAsync(socket, new { type = "connection_init", payload = new { authorization = "Bearer " + token } });
        await ReceiveAsync(socket, CancellationToken.None);
        await SendAsync(socket, new
        {
            id = "live",
            type = "subscribe",
            payload = new { query = "subscription($s: ID!) { sessionUpdated(sessionId: $s) { kind setId set { loadKg reps } } }", variables = new { s = sessionId } },
        });
        return socket;
    }

    /// <summary>Records when each event reaches this subscriber; received[index] counts them (single writer).</summary>
    private static async Task ReadEventsAsync(ClientWebSocket socket, long[] arrivals, int[] received, int index, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var message = await ReceiveAsync(socket, stop);
                if (message?["type"]?.GetValue<string>() == "next")
                {
                    var count = received[index];
                    if (count < arrivals.Length)
                    {
                        arrivals[count] = Stopwatch.GetTimestamp();
                    }

                    Volatile.Write(ref received[index], count + 1);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
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
        return result.MessageType == WebSocketMessageType.Close ? null : JsonNode.Parse(text.ToArray());
    }

    private static async Task<string> StartSessionAsync(HttpClient client)
    {
        var body = JsonSerializer.Serialize(new
        {
            query = "mutation($i: StartSessionInput!) { startSession(input: $i) { session { id } } }",
            variables = new { i = new { clientMutationId = Guid.NewGuid().ToString() } },
        });
        using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return json?["data"]?["startSession"]?["session"]?["id"]?.GetValue<string>() ?? throw new InvalidOperationException("startSession failed: " + json);
    }

    private static readonly string LogSetBody = "mutation($i: LogSetInput!) { logSet(input: $i) { replayed setId } }";

    private static async Task<bool> LogSetAsync(HttpClient client, string sessionId, string clientMutationId)
    {
        var body = JsonSerializer.Serialize(new
        {
            query = LogSetBody,
            variables = new { i = new { clientMutationId, sessionId, exerciseId = "barbell-back-squat", loadKg = 100, reps = 5, rpe = 8 } },
        });
        using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode && !text.Contains("\"errors\"", StringComparison.Ordinal);
    }

    private static string PersistedId(string operation) =>
        PersistedOperationManifest.IdOf(File.ReadAllText(Path.Combine(BenchSystem.RepositoryRoot, "schema", "operations", operation + ".graphql")).ReplaceLineEndings("\n").Trim() + "\n");
}
