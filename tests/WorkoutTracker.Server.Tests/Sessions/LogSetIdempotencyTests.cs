using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Sessions;

/// <summary>logSet keyed by clientMutationId, against real PostgreSQL.</summary>
public sealed class LogSetIdempotencyTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    [Fact]
    public async Task LogSet_replayed_with_same_id_returns_first_result_and_writes_nothing()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = await client.StartSessionAsync();
        var id = Guid.NewGuid().ToString();

        var first = (await client.LogSetAsync(sessionId, id)).Payload("logSet");
        var countAfterFirst = await CountSetsAsync(sessionId);
        var replay = (await client.LogSetAsync(sessionId, id)).Payload("logSet");

        Assert.False(first["replayed"]!.GetValue<bool>());
        Assert.True(replay["replayed"]!.GetValue<bool>());
        Assert.Equal(id, replay["clientMutationId"]!.GetValue<string>());
        Assert.Equal(first["set"]!["id"]!.GetValue<string>(), replay["set"]!["id"]!.GetValue<string>());
        Assert.Equal(first["session"]!["version"]!.GetValue<int>(), replay["session"]!["version"]!.GetValue<int>());
        Assert.Equal(1, countAfterFirst);
        Assert.Equal(1, await CountSetsAsync(sessionId));
    }

    [Fact]
    public async Task LogSet_with_same_id_and_different_input_is_an_idempotency_conflict_and_writes_nothing()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = await client.StartSessionAsync();
        var id = Guid.NewGuid().ToString();
        await client.LogSetAsync(sessionId, id, loadKg: 100m);

        var conflict = await client.LogSetAsync(sessionId, id, loadKg: 102.5m);

        Assert.Equal("IDEMPOTENCY_CONFLICT", conflict.FirstErrorCode);
        Assert.Null(conflict.Data?["logSet"]);
        await using var db = await api.CreateDbAsync();
        var set = await db.Sets.SingleAsync(s => s.SessionId == Guid.Parse(sessionId));
        Assert.Equal(100m, set.LoadKg);
    }

    [Fact]
    public async Task Same_id_reused_for_another_mutation_is_a_conflict()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = await client.StartSessionAsync();
        var id = Guid.NewGuid().ToString();
        await client.LogSetAsync(sessionId, id);

        var response = await client.PostGraphQLAsync(SessionApi.FinishSession, new { input = new { clientMutationId = id, sessionId } });

        Assert.Equal("IDEMPOTENCY_CONFLICT", response.FirstErrorCode);
        await using var db = await api.CreateDbAsync();
        Assert.Null((await db.Sessions.SingleAsync(s => s.Id == Guid.Parse(sessionId))).FinishedAt);
    }

    [Fact]
    public async Task Fifty_concurrent_identical_logSet_calls_create_exactly_one_set()
    {
        var sessionId = await (await api.CreateClientForAsync(DemoUsers.Athlete)).StartSessionAsync();
        var id = Guid.NewGuid().ToString();
        var clients = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => api.CreateClientForAsync(DemoUsers.Athlete)));

        var responses = await Task.WhenAll(clients.Select(c => c.LogSetAsync(sessionId, id)));

        Assert.All(responses, r => Assert.True(r.Status == HttpStatusCode.OK && r.Errors is null, r.ToString()));
        Assert.Single(responses, r => !r.Payload("logSet")["replayed"]!.GetValue<bool>());
        Assert.Single(responses.Select(r => r.Payload("logSet")["set"]!["id"]!.GetValue<string>()).Distinct());
        Assert.Equal(1, await CountSetsAsync(sessionId));
        foreach (var c in clients)
        {
            c.Dispose();
        }
    }

    [Fact]
    public async Task Concurrent_different_sets_in_one_session_get_distinct_orders()
    {
        var sessionId = await (await api.CreateClientForAsync(DemoUsers.Athlete)).StartSessionAsync();
        var clients = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => api.CreateClientForAsync(DemoUsers.Athlete)));

        var responses = await Task.WhenAll(clients.Select(c => c.LogSetAsync(sessionId)));

        Assert.All(responses, r => Assert.Null(r.Errors));
        var orders = responses.Select(r => r.Payload("logSet")["set"]!["order"]!.GetValue<int>()).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 20), orders);
    }

    [Fact]
    public async Task Another_user_reusing_the_id_gets_their_own_set()
    {
        var other = await api.CreateUserAsync(UserRole.Athlete);
        using var alex = await api.CreateClientForAsync(DemoUsers.Athlete);
        using var them = await api.CreateClientForAsync(other);
        var alexSession = await alex.StartSessionAsync();
        var theirSession = await them.StartSessionAsync();
        var id = Guid.NewGuid().ToString();

        var alexSet = (await alex.LogSetAsync(alexSession, id, loadKg: 100m)).Payload("logSet");
        var theirSet = (await them.LogSetAsync(theirSession, id, loadKg: 60m)).Payload("logSet");

        Assert.False(theirSet["replayed"]!.GetValue<bool>());
        Assert.NotEqual(alexSet["set"]!["id"]!.GetValue<string>(), theirSet["set"]!["id"]!.GetValue<string>());
        Assert.Equal(60, theirSet["set"]!["loadKg"]!.GetValue<double>());
        Assert.Equal(1, await CountSetsAsync(theirSession));
        Assert.Equal(1, await CountSetsAsync(alexSession));
    }

    [Fact]
    public async Task Failed_logSet_leaves_no_record_so_a_corrected_retry_with_the_same_id_succeeds()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = await client.StartSessionAsync();
        var id = Guid.NewGuid().ToString();

        var rejected = await client.LogSetAsync(sessionId, id, reps: 500);
        var corrected = await client.LogSetAsync(sessionId, id, reps: 5);

        Assert.Equal("VALIDATION", rejected.FirstErrorCode);
        Assert.False(corrected.Payload("logSet")["replayed"]!.GetValue<bool>());
        Assert.Equal(1, await CountSetsAsync(sessionId));
    }

    [Fact]
    public async Task Replay_after_the_set_was_deleted_answers_replayed_with_no_set()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = await client.StartSessionAsync();
        var id = Guid.NewGuid().ToString();
        var setId = (await client.LogSetAsync(sessionId, id)).Payload("logSet")["setId"]!.GetValue<string>();
        await client.PostGraphQLAsync(SessionApi.DeleteSet, new { input = new { clientMutationId = Guid.NewGuid().ToString(), setId } });

        var replay = (await client.LogSetAsync(sessionId, id)).Payload("logSet");

        Assert.True(replay["replayed"]!.GetValue<bool>());
        Assert.Null(replay["set"]);
        Assert.Equal(setId, replay["setId"]!.GetValue<string>());
        Assert.Equal(0, await CountSetsAsync(sessionId));
    }

    [Fact]
    public async Task Pruning_removes_only_records_older_than_the_retention()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = await client.StartSessionAsync();
        var oldId = Guid.NewGuid().ToString();
        await client.LogSetAsync(sessionId, oldId);
        await using (var db = await api.CreateDbAsync())
        {
            await db.IdempotencyRecords.Where(r => r.ClientMutationId == oldId).ExecuteUpdateAsync(r => r.SetProperty(x => x.CreatedAt, DateTimeOffset.UtcNow.AddDays(-31)));
        }

        var pruned = await api.Services.GetRequiredService<WorkoutTracker.Server.Common.Idempotency.IdempotentMutations>()
            .PruneAsync(DateTimeOffset.UtcNow.AddDays(-30), CancellationToken.None);

        Assert.True(pruned >= 1);
        await using var check = await api.CreateDbAsync();
        Assert.False(await check.IdempotencyRecords.AnyAsync(r => r.ClientMutationId == oldId));
        Assert.True(await check.IdempotencyRecords.AnyAsync(r => r.CreatedAt > DateTimeOffset.UtcNow.AddDays(-1)));
    }

    [Fact]
    public async Task LogSet_is_one_statement_once_the_caller_is_known_for_the_first_and_the_twentieth_set_and_a_replay()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = await client.StartSessionAsync();
        await client.LogSetAsync(sessionId); // warm-up: EF model and query caches

        using var sql = new SqlStatementCounter(api.ConnectionString);
        await client.LogSetAsync(sessionId);
        var second = sql.Statements;
        for (var i = 0; i < 17; i++)
        {
            await client.LogSetAsync(sessionId);
        }

        sql.Reset();
        var id = Guid.NewGuid().ToString();
        await client.LogSetAsync(sessionId, id);
        var twentieth = sql.Statements;
        sql.Reset();
        await client.LogSetAsync(sessionId, id);
        var replay = sql.Statements;

        // log_set(...): claim, session lock, set, body map, event row and answer in one statement; the caller's
        // row is known on this instance (a logged set does not make it stale).
        Assert.Equal(second.Count, twentieth.Count);
        Assert.True(second.Count == 1, string.Join("\n---\n", second));
        Assert.True(replay.Count <= second.Count, string.Join("\n---\n", replay));
        Assert.Contains(second, s => s.Contains("log_set(", StringComparison.Ordinal));
    }

    private async Task<int> CountSetsAsync(string sessionId)
    {
        await using var db = await api.CreateDbAsync();
        return await db.Sets.CountAsync(s => s.SessionId == Guid.Parse(sessionId));
    }
}
