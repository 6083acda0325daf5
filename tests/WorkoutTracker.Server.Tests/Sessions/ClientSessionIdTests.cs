using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Sessions;

/// <summary>
/// startSession with a session id the client made: a phone that is offline starts a session, logs sets
/// into it and sends it all, in order, when the network is back.
/// </summary>
public sealed class ClientSessionIdTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    [Fact]
    public async Task The_session_gets_the_clients_id_and_a_replay_returns_it_without_a_second_session()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = Guid.NewGuid().ToString();
        var input = new { clientMutationId = Guid.NewGuid().ToString(), sessionId, planDayNumber = 1, startedAt = DateTimeOffset.UtcNow.AddMinutes(-20) };

        var first = (await client.PostGraphQLAsync(SessionApi.StartSession, new { input })).Payload("startSession");
        var replay = (await client.PostGraphQLAsync(SessionApi.StartSession, new { input })).Payload("startSession");
        var set = (await client.LogSetAsync(sessionId)).Payload("logSet");

        Assert.Equal(sessionId, first["session"]!["id"]!.GetValue<string>());
        Assert.False(first["replayed"]!.GetValue<bool>());
        Assert.True(replay["replayed"]!.GetValue<bool>());
        Assert.Equal(sessionId, replay["session"]!["id"]!.GetValue<string>());
        Assert.Equal(sessionId, set["session"]!["id"]!.GetValue<string>());
        await using var db = await api.CreateDbAsync();
        Assert.Equal(1, await db.Sessions.CountAsync(s => s.Id == Guid.Parse(sessionId)));
    }

    [Fact]
    public async Task Another_athletes_id_is_refused_with_session_id_taken_and_nothing_changes()
    {
        var other = await api.CreateUserAsync(UserRole.Athlete);
        using var owner = await api.CreateClientForAsync(DemoUsers.Athlete);
        using var intruder = await api.CreateClientForAsync(other);
        var sessionId = Guid.NewGuid().ToString();
        await owner.StartSessionWithIdAsync(sessionId);

        var stolen = await intruder.StartSessionWithIdAsync(sessionId);

        Assert.Equal("SESSION_ID_TAKEN", stolen.FirstErrorCode);
        Assert.Null(stolen.Data?["startSession"]);
        await using var db = await api.CreateDbAsync();
        var session = await db.Sessions.SingleAsync(s => s.Id == Guid.Parse(sessionId));
        Assert.Equal(DemoUsers.Athlete.Id, session.AthleteId);
        Assert.Equal(0, await db.IdempotencyRecords.CountAsync(r => r.UserId == other.Id));
    }

    [Fact]
    public async Task The_owner_starting_their_session_again_under_a_new_mutation_id_gets_it_back_unchanged()
    {
        // E.g. a phone offline for longer than the idempotency records are kept retries its start.
        using var owner = await api.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = Guid.NewGuid().ToString();
        await owner.StartSessionWithIdAsync(sessionId);
        await owner.LogSetAsync(sessionId);

        var again = (await owner.StartSessionWithIdAsync(sessionId)).Payload("startSession");

        Assert.Equal(sessionId, again["session"]!["id"]!.GetValue<string>());
        Assert.Equal(2, again["session"]!["version"]!.GetValue<int>()); // the session as it is, with its set
        await using var db = await api.CreateDbAsync();
        Assert.Equal(1, await db.Sessions.CountAsync(s => s.Id == Guid.Parse(sessionId)));
        Assert.Equal(1, await db.Sets.CountAsync(s => s.SessionId == Guid.Parse(sessionId)));
    }

    [Fact]
    public async Task Concurrent_starts_of_one_id_by_two_athletes_make_one_session_and_no_500()
    {
        var other = await api.CreateUserAsync(UserRole.Athlete);
        using var first = await api.CreateClientForAsync(DemoUsers.Athlete);
        using var second = await api.CreateClientForAsync(other);
        var sessionId = Guid.NewGuid().ToString();

        var calls = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i => (Athlete: i % 2, Response:
            await (i % 2 == 0 ? first : second).StartSessionWithIdAsync(sessionId))));

        await using var db = await api.CreateDbAsync();
        var session = await db.Sessions.SingleAsync(s => s.Id == Guid.Parse(sessionId));
        var winner = session.AthleteId == DemoUsers.Athlete.Id ? 0 : 1;
        Assert.All(calls.Where(c => c.Athlete == winner), c => Assert.Equal(sessionId, c.Response.Payload("startSession")["session"]!["id"]!.GetValue<string>()));
        Assert.All(calls.Where(c => c.Athlete != winner), c => Assert.Equal("SESSION_ID_TAKEN", c.Response.FirstErrorCode));
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task A_malformed_or_empty_id_is_a_validation_error(string sessionId)
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);

        var response = await client.StartSessionWithIdAsync(sessionId);

        Assert.Equal("VALIDATION", response.FirstErrorCode);
        Assert.Equal("input.sessionId", response.Errors![0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Null(response.Data?["startSession"]);
    }
}
