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
/// A corpus of malformed and hostile requests against the server (real HTTP through Kestrel): each one is
/// answered with the status and error code listed beside it in <see cref="HostileRequests"/>, the server
/// stays up and the stored data does not change.
/// </summary>
public sealed class HostileInputTests(KestrelWorkoutApiFactory api, ITestOutputHelper output) : IClassFixture<KestrelWorkoutApiFactory>
{
    [Fact]
    public async Task Each_hostile_request_gets_its_specific_status_and_code_and_changes_nothing()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = await client.StartSessionAsync();
        await client.LogSetAsync(sessionId);
        var before = await SnapshotAsync();
        var report = new StringBuilder();
        var failures = new List<string>();

        foreach (var hostile in HostileRequests.Corpus())
        {
            using var request = new HttpRequestMessage(new HttpMethod(hostile.Method), hostile.Url);
            if (hostile.Body is not null)
            {
                request.Content = new ByteArrayContent(hostile.Body);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(hostile.ContentType);
            }

            var response = await client.SendGraphQLAsync(request);
            var code = Outcome(response);
            report.AppendLine($"{hostile.Name,-45} {(int)response.Status} {code}");
            if ((int)response.Status != hostile.Status || code != hostile.Code)
            {
                failures.Add($"{hostile.Name}: expected {hostile.Status} {hostile.Code}, got {Short(response)}");
            }
        }

        output.WriteLine(report.ToString());
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal("Alex Athlete", (await client.PostGraphQLAsync("{ me { displayName } }")).Data!["me"]!["displayName"]!.GetValue<string>());
    }

    /// <summary>The first error's code, <c>data</c> for an answer with data and no errors, <c>-</c> for no body.</summary>
    public static string Outcome(GraphQLResponse response) =>
        response.FirstErrorCode ?? (response.Data is not null && response.Errors is null ? "data" : "-");

    private static string Short(GraphQLResponse response)
    {
        var text = response.ToString();
        return text.Length <= 300 ? text : text[..300] + "…";
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"type\": \"subscribe\"}")]
    [InlineData("{\"type\": \"connection_init\", \"payload\": \"string\"}")]
    [InlineData("{\"id\": 5, \"type\": \"subscribe\", \"payload\": {}}")]
    [InlineData("[]")]
    [InlineData("{\"type\": \"no_such_type\"}")]
    public async Task Bad_websocket_frames_close_the_socket_4400_and_the_server_keeps_serving(string frame)
    {
        using var socket = await GraphQLWsTestClient.ConnectAsync(api.WebSocketUri);

        await socket.SendRawAsync(frame);
        var (code, reason) = await socket.ReceiveCloseAsync();

        Assert.Equal(4400, code); // graphql-transport-ws: an invalid message is "4400: <reason>"
        Assert.StartsWith("Invalid message received", reason, StringComparison.Ordinal);
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        Assert.Equal(HttpStatusCode.OK, (await client.PostGraphQLAsync("{ me { id } }")).Status);
    }

    [Fact]
    public async Task A_binary_websocket_frame_is_refused()
    {
        var raw = new ClientWebSocket();
        raw.Options.AddSubProtocol("graphql-transport-ws");
        await raw.ConnectAsync(api.WebSocketUri, CancellationToken.None);
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
