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
    [Fact]
    public async Task No_hostile_request_gets_a_500_changes_data_or_takes_the_server_down()
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
