using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;
using WorkoutTracker.Server.Tests.WebSockets;
using Xunit.Abstractions;

namespace WorkoutTracker.Server.Tests.Security;

/// <summary>
/// A corpus of malformed and hostile requests against the server: every one is refused with a 4xx and
/// a specific error code (or answered with GraphQL errors), none is a 500, the server stays up and
/// the stored data does not change.
/// </summary>
public sealed class HostileInputTests(WorkoutApiFactory api, ITestOutputHelper output) : IClassFixture<WorkoutApiFactory>
{
    /// <param name="MustBeRejected">False for hostile-looking input that is valid (a search for SQL): it must only do no harm.</param>
    public sealed record Hostile(string Name, string Method, string Url, byte[]? Body, string ContentType = "application/json", bool MustBeRejected = true);

    private static Hostile Post(string name, string body) => new(name, "POST", "/graphql", Encoding.UTF8.GetBytes(body));

    private static Hostile Get(string name, string query) => new(name, "GET", "/graphql?" + query, null);

    public static IEnumerable<Hostile> Corpus()
    {
        yield return Post("truncated JSON", "{\"query\": \"{ me { id }");
        yield return Post("JSON with trailing garbage", "{\"query\": \"{ me { id } }\"} xyz");
        yield return Post("JSON number", "42");
        yield return Post("JSON null", "null");
        yield return Post("query as object", "{\"query\": {\"a\": 1}}");
        yield return Post("variables as array", "{\"query\": \"{ me { id } }\", \"variables\": [1]}");
        yield return Post("operationName as number", "{\"query\": \"{ me { id } }\", \"operationName\": 7}");
        yield return Post("extensions as string", "{\"query\": \"{ me { id } }\", \"extensions\": \"x\"}");
        yield return Post("wrong variable type", "{\"query\": \"query($id: ID!) { session(id: $id) { id } }\", \"variables\": {\"id\": {\"x\": 1}}}");
        yield return Post("int overflow", "{\"query\": \"{ sessions(first: 99999999999999999999) { edges { cursor } } }\"}");
        yield return Post("huge string in query", "{\"query\": \"{ exercises(filter: { search: \\\"" + new string('a', 100_000) + "\\\" }) { id } }\"}");
        yield return Post("deep nesting", "{\"query\": \"" + new string('{', 5000) + "\"}");
        yield return Post("deep selection", "{\"query\": \"{ me " + string.Concat(Enumerable.Repeat("{ id ", 2000)) + new string('}', 2001) + "\"}");
        yield return Post("deep JSON variables", "{\"query\": \"{ me { id } }\", \"variables\": " + new string('[', 3000) + new string(']', 3000) + "}");
        yield return Post("alias bomb", "{\"query\": \"{ " + string.Concat(Enumerable.Range(0, 3000).Select(i => $"a{i}: exercises {{ id }} ")) + "}\"}");
        yield return Post("fragment bomb", "{\"query\": \"{ ...F0 } " + string.Concat(Enumerable.Range(0, 30).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} ")) + "fragment F30 on Query { me { id } }\"}");
        yield return Post("cyclic fragments", "{\"query\": \"{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }\"}");
        yield return Post("directive storm", "{\"query\": \"{ me " + string.Concat(Enumerable.Repeat("@include(if: true) ", 5000)) + "{ id } }\"}");
        yield return Post("batched storm", "[" + string.Join(",", Enumerable.Repeat("{\"query\": \"{ me { id } }\"}", 1000)) + "]");
        yield return Post("unknown persisted id", "{\"documentId\": \"sha256:" + new string('0', 64) + "\"}");
        yield return Post("persisted id and query together", "{\"documentId\": \"sha256:" + new string('0', 64) + "\", \"query\": \"{ me { id } }\"}");
        yield return Post("malformed persisted id", "{\"documentId\": \"sha256:../../etc/passwd\"}");
        yield return Post("negative limit", "{\"query\": \"{ sessions(first: -5) { edges { cursor } } }\"}");
        yield return Post("mutation with NaN load", "{\"query\": \"mutation { logSet(input: { clientMutationId: \\\"x\\\", sessionId: \\\"00000000-0000-0000-0000-000000000000\\\", exerciseId: \\\"pull-up\\\", loadKg: NaN, reps: 1 }) { setId } }\"}");
        yield return Post("mutation with an enormous clientMutationId", "{\"query\": \"mutation { startSession(input: { clientMutationId: \\\"" + new string('x', 10_000) + "\\\" }) { replayed } }\"}");
        yield return Post("SQL in arguments", "{\"query\": \"{ exercises(filter: { search: \\\"'; DROP TABLE sets; --\\\" }) { id } }\"}") with { MustBeRejected = false };
        yield return Post("control characters", "{\"query\": \"{ me { id } }\\u0000\\u0001\"}");
        yield return new Hostile("invalid UTF-8", "POST", "/graphql", [0x7B, 0x22, 0x71, 0xFF, 0xFE, 0x22, 0x3A, 0x22, 0x7D]);
        yield return new Hostile("UTF-16 body", "POST", "/graphql", Encoding.Unicode.GetBytes("{\"query\": \"{ me { id } }\"}"));
        yield return new Hostile("XML body", "POST", "/graphql", Encoding.UTF8.GetBytes("<query/>"), "application/xml");
        yield return new Hostile("form body", "POST", "/graphql", Encoding.UTF8.GetBytes("query=%7Bme%7Bid%7D%7D"), "application/x-www-form-urlencoded");
        yield return new Hostile("oversized body", "POST", "/graphql", Encoding.UTF8.GetBytes("{\"query\": \"" + new string(' ', 2_000_000) + "{ me { id } }\"}"));
        yield return Get("mutation over GET", "query=" + Uri.EscapeDataString("mutation { startSession(input: { clientMutationId: \"get\" }) { replayed } }"));
        yield return Get("overlong query string", "query=" + new string('a', 40_000));
        yield return Get("broken variables", "query=%7Bme%7Bid%7D%7D&variables=%7B%7B%7B");
        yield return Get("percent garbage", "query=%ZZ%E0%A4%A");
        yield return new Hostile("DELETE", "DELETE", "/graphql", null);
    }

    [Fact]
    public async Task No_hostile_request_gets_a_500_changes_data_or_takes_the_server_down()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = await client.StartSessionAsync();
        await client.LogSetAsync(sessionId);
        var before = await SnapshotAsync();
        var report = new StringBuilder();
        var failures = new List<string>();

        foreach (var hostile in Corpus())
        {
            using var request = new HttpRequestMessage(new HttpMethod(hostile.Method), hostile.Url);
            if (hostile.Body is not null)
            {
                request.Content = new ByteArrayContent(hostile.Body);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(hostile.ContentType);
            }

            var response = await client.SendGraphQLAsync(request);
            var code = response.FirstErrorCode ?? (response.Body?["data"] is not null ? "data" : "-");
            report.AppendLine($"{hostile.Name,-45} {(int)response.Status} {code}");
            var specific = (int)response.Status is >= 400 and < 500 || response.Errors is { Count: > 0 };
            if ((int)response.Status >= 500 || (hostile.MustBeRejected && !specific))
            {
                failures.Add($"{hostile.Name}: {response}");
            }
        }

        output.WriteLine(report.ToString());
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal("Alex Athlete", (await client.PostGraphQLAsync("{ me { displayName } }")).Data!["me"]!["displayName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"type\": \"subscribe\"}")]
    [InlineData("{\"type\": \"connection_init\", \"payload\": \"string\"}")]
    [InlineData("{\"id\": 5, \"type\": \"subscribe\", \"payload\": {}}")]
    [InlineData("[]")]
    [InlineData("{\"type\": \"no_such_type\"}")]
    public async Task Bad_websocket_frames_close_the_socket_with_a_protocol_code_and_the_server_keeps_serving(string frame)
    {
        var webSockets = api.Server.CreateWebSocketClient();
        webSockets.SubProtocols.Add("graphql-transport-ws");
        using var socket = GraphQLWsTestClient.Over(await webSockets.ConnectAsync(new Uri(api.Server.BaseAddress, "/graphql"), CancellationToken.None));

        await socket.SendRawAsync(frame);
        var (code, _) = await socket.ReceiveCloseAsync();

        Assert.InRange(code, 4400, 4499);
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        Assert.Equal(HttpStatusCode.OK, (await client.PostGraphQLAsync("{ me { id } }")).Status);
    }

    [Fact]
    public async Task A_binary_websocket_frame_is_refused()
    {
        var webSockets = api.Server.CreateWebSocketClient();
        webSockets.SubProtocols.Add("graphql-transport-ws");
        var raw = await webSockets.ConnectAsync(new Uri(api.Server.BaseAddress, "/graphql"), CancellationToken.None);
        using var socket = GraphQLWsTestClient.Over(raw);

        await raw.SendAsync(new byte[] { 1, 2, 3, 0xFF }, WebSocketMessageType.Binary, true, CancellationToken.None);
        var (code, _) = await socket.ReceiveCloseAsync();

        Assert.InRange(code, 1003, 4499);
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = await api.CreateDbAsync();
        return string.Join(",",
            await db.Users.CountAsync(), await db.Sessions.CountAsync(), await db.Sets.CountAsync(), await db.IdempotencyRecords.CountAsync(),
            await db.CoachLinks.CountAsync(), await db.AthleteProfiles.CountAsync(), await db.BodyMapMuscles.SumAsync(m => m.VolumeLoadKg));
    }
}
