using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Sessions;

/// <summary>Every rule a set must satisfy: a clear error code, and nothing written.</summary>
public sealed class SetValidationTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    [Theory]
    [InlineData(-1, 5, 8, "loadKg")]
    [InlineData(1000.5, 5, 8, "loadKg")]
    [InlineData(100.0001, 5, 8, "loadKg")]
    [InlineData(100, -1, 8, "reps")]
    [InlineData(100, 101, 8, "reps")]
    [InlineData(100, 5, 0.5, "rpe")]
    [InlineData(100, 5, 10.5, "rpe")]
    [InlineData(100, 5, 7.3, "rpe")]
    public async Task Out_of_range_values_are_validation_errors_naming_the_field(double load, int reps, double rpe, string field)
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = await client.StartSessionAsync();

        var response = await client.LogSetAsync(sessionId, loadKg: (decimal)load, reps: reps, rpe: (decimal)rpe);

        Assert.Equal("VALIDATION", response.FirstErrorCode);
        Assert.Equal(field, response.Errors![0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal(0, await CountSetsAsync(sessionId));
    }

    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(1000, 100, 10)]
    [InlineData(142.5, 3, 9.5)]
    public async Task Boundary_values_are_accepted(double load, int reps, double rpe)
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = await client.StartSessionAsync();

        var response = await client.LogSetAsync(sessionId, loadKg: (decimal)load, reps: reps, rpe: (decimal)rpe);

        Assert.Null(response.Errors);
        Assert.Equal(load, response.Payload("logSet")["set"]!["loadKg"]!.GetValue<double>());
    }

    [Fact]
    public async Task Rest_seconds_and_future_times_are_checked()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = await client.StartSessionAsync();

        var rest = await client.PostGraphQLAsync(SessionApi.LogSet, new
        {
            input = new { clientMutationId = Guid.NewGuid().ToString(), sessionId, exerciseId = "pull-up", loadKg = 0, reps = 8, restSeconds = 4000 },
        });
        var future = await client.PostGraphQLAsync(SessionApi.LogSet, new
        {
            input = new { clientMutationId = Guid.NewGuid().ToString(), sessionId, exerciseId = "pull-up", loadKg = 0, reps = 8, performedAt = DateTimeOffset.UtcNow.AddDays(2) },
        });

        Assert.Equal("restSeconds", rest.Errors![0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal("performedAt", future.Errors![0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal(0, await CountSetsAsync(sessionId));
    }

    [Fact]
    public async Task Unknown_exercise_is_not_found()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = await client.StartSessionAsync();

        var response = await client.LogSetAsync(sessionId, exerciseId: "underwater-basket-weaving");

        Assert.Equal("NOT_FOUND", response.FirstErrorCode);
        Assert.Equal(0, await CountSetsAsync(sessionId));
    }

    [Fact]
    public async Task Unknown_session_is_not_found()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);

        var response = await client.LogSetAsync(Guid.NewGuid().ToString());

        Assert.Equal("NOT_FOUND", response.FirstErrorCode);
    }

    [Fact]
    public async Task Malformed_session_id_is_a_request_error_not_a_500()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);

        var response = await client.LogSetAsync("not-a-uuid");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("VALIDATION", response.FirstErrorCode);
        Assert.Equal("input.sessionId", response.Errors![0]!["extensions"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_id_sent_as_a_json_number_is_a_validation_error_on_its_field_not_a_500()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);

        var response = await client.PostGraphQLAsync(SessionApi.LogSet, new
        {
            input = new { clientMutationId = Guid.NewGuid().ToString(), sessionId = 0, exerciseId = "pull-up", loadKg = 0, reps = 5 },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("VALIDATION", response.FirstErrorCode);
        Assert.Equal("input.sessionId", response.Errors![0]!["extensions"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_id_written_as_an_integer_literal_is_a_request_error_naming_its_field_not_a_500()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);

        var literal = await client.PostGraphQLAsync(
            "mutation { logSet(input: { clientMutationId: \"a\", sessionId: 0, exerciseId: \"pull-up\", loadKg: 0, reps: 5 }) { setId } }");
        var argument = await client.PostGraphQLAsync("{ session(id: 0) { id } }");

        // A literal is checked with the document, before execution: GraphQL.NET's INVALID_LITERAL, with the reason.
        Assert.Equal(HttpStatusCode.BadRequest, literal.Status);
        Assert.Equal("INVALID_LITERAL", literal.FirstErrorCode);
        Assert.Contains("input.sessionId: is not a valid id", literal.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("VALIDATION", argument.FirstErrorCode);
        Assert.Equal("id", argument.Errors![0]!["extensions"]!["field"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("loadKg", 1e308)]
    [InlineData("loadKg", -1e308)]
    [InlineData("rpe", 1e308)]
    [InlineData("loadKg", 1e29)]
    public async Task A_number_no_decimal_can_hold_is_a_validation_error_on_its_field_not_a_500(string field, double value)
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = await client.StartSessionAsync();
        var input = new Dictionary<string, object?>
        {
            ["clientMutationId"] = Guid.NewGuid().ToString(), ["sessionId"] = sessionId, ["exerciseId"] = "pull-up", ["loadKg"] = 0, ["reps"] = 5,
        };
        input[field] = value;

        var response = await client.PostGraphQLAsync(SessionApi.LogSet, new { input });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("VALIDATION", response.FirstErrorCode);
        Assert.Equal("input." + field, response.Errors![0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal(0, await CountSetsAsync(sessionId));
    }

    [Fact]
    public async Task Text_with_a_nul_character_is_refused_before_it_reaches_the_database()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);

        var search = await client.PostGraphQLAsync("query($s: String) { exercises(filter: { search: $s }) { id } }", new { s = "a\u0000b" });
        var id = await client.PostGraphQLAsync(SessionApi.StartSession, new { input = new { clientMutationId = "a\u0000b" } });

        Assert.Equal(HttpStatusCode.BadRequest, search.Status);
        Assert.Equal("INVALID_VALUE", search.FirstErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, id.Status);
        Assert.Equal("INVALID_VALUE", id.FirstErrorCode);
    }

    [Fact]
    public async Task Malformed_id_argument_is_a_validation_error()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);

        var response = await client.PostGraphQLAsync("{ session(id: \"nope\") { id } }");

        Assert.Equal("VALIDATION", response.FirstErrorCode);
        Assert.Equal("id", response.Errors![0]!["extensions"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Set_on_a_finished_session_is_refused_with_session_finished()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = await client.StartSessionAsync();
        var setId = (await client.LogSetAsync(sessionId)).Payload("logSet")["setId"]!.GetValue<string>();
        await client.PostGraphQLAsync(SessionApi.FinishSession, new { input = new { clientMutationId = Guid.NewGuid().ToString(), sessionId } });

        var log = await client.LogSetAsync(sessionId);
        var update = await client.PostGraphQLAsync(SessionApi.UpdateSet, new { input = new { clientMutationId = Guid.NewGuid().ToString(), setId, loadKg = 1, reps = 1 } });
        var delete = await client.PostGraphQLAsync(SessionApi.DeleteSet, new { input = new { clientMutationId = Guid.NewGuid().ToString(), setId } });

        Assert.Equal("SESSION_FINISHED", log.FirstErrorCode);
        Assert.Equal("SESSION_FINISHED", update.FirstErrorCode);
        Assert.Equal("SESSION_FINISHED", delete.FirstErrorCode);
        Assert.Equal(1, await CountSetsAsync(sessionId));
    }

    [Fact]
    public async Task Set_on_another_athletes_session_is_forbidden()
    {
        var other = await api.CreateUserAsync(UserRole.Athlete);
        using var owner = await api.CreateClientForAsync(DemoUsers.Athlete);
        using var intruder = await api.CreateClientForAsync(other);
        var sessionId = await owner.StartSessionAsync();
        var setId = (await owner.LogSetAsync(sessionId)).Payload("logSet")["setId"]!.GetValue<string>();

        var log = await intruder.LogSetAsync(sessionId);
        var update = await intruder.PostGraphQLAsync(SessionApi.UpdateSet, new { input = new { clientMutationId = Guid.NewGuid().ToString(), setId, loadKg = 1, reps = 1 } });
        var delete = await intruder.PostGraphQLAsync(SessionApi.DeleteSet, new { input = new { clientMutationId = Guid.NewGuid().ToString(), setId } });
        var finish = await intruder.PostGraphQLAsync(SessionApi.FinishSession, new { input = new { clientMutationId = Guid.NewGuid().ToString(), sessionId } });
        var read = await intruder.PostGraphQLAsync("query($id: ID!) { session(id: $id) { id } }", new { id = sessionId });

        Assert.All(new[] { log, update, delete, finish }, r => Assert.Equal("FORBIDDEN", r.FirstErrorCode));
        Assert.Null(read.Errors); // reading answers as for an unknown session (ExistenceOracleTests)
        Assert.Null(read.Data?["session"]);
        Assert.Equal(1, await CountSetsAsync(sessionId));
    }

    [Fact]
    public async Task Coaches_do_not_log_sessions()
    {
        using var coach = await api.CreateClientForAsync(DemoUsers.Coach);

        var response = await coach.PostGraphQLAsync(SessionApi.StartSession, new { input = new { clientMutationId = Guid.NewGuid().ToString() } });

        Assert.Equal("FORBIDDEN", response.FirstErrorCode);
    }

    [Fact]
    public async Task Update_and_delete_change_the_set_and_bump_the_session_version()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var sessionId = await client.StartSessionAsync();
        var logged = (await client.LogSetAsync(sessionId, loadKg: 100m, reps: 5)).Payload("logSet");
        var setId = logged["setId"]!.GetValue<string>();

        var updated = (await client.PostGraphQLAsync(SessionApi.UpdateSet, new { input = new { clientMutationId = Guid.NewGuid().ToString(), setId, loadKg = 105, reps = 4, rpe = 9 } })).Payload("updateSet");
        var deleted = (await client.PostGraphQLAsync(SessionApi.DeleteSet, new { input = new { clientMutationId = Guid.NewGuid().ToString(), setId } })).Payload("deleteSet");

        Assert.Equal(105, updated["set"]!["loadKg"]!.GetValue<double>());
        Assert.Equal(9, updated["set"]!["rpe"]!.GetValue<double>());
        Assert.True(updated["session"]!["version"]!.GetValue<int>() > logged["session"]!["version"]!.GetValue<int>());
        Assert.Null(deleted["set"]);
        Assert.True(deleted["session"]!["version"]!.GetValue<int>() > updated["session"]!["version"]!.GetValue<int>());
        Assert.Equal(0, await CountSetsAsync(sessionId));
    }

    [Fact]
    public async Task Sessions_are_paged_newest_first_with_cursors()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var started = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostGraphQLAsync(SessionApi.StartSession, new
            {
                input = new { clientMutationId = Guid.NewGuid().ToString(), startedAt = DateTimeOffset.UtcNow.AddDays(-10 + i) },
            });
            started.Add(response.Payload("startSession")["session"]!["id"]!.GetValue<string>());
        }

        const string page = "query($after: String) { sessions(first: 2, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }";
        var seen = new List<string>();
        string? after = null;
        bool hasNext;
        do
        {
            var sessions = (await client.PostGraphQLAsync(page, new { after })).Payload("sessions");
            seen.AddRange(sessions["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()));
            hasNext = sessions["pageInfo"]!["hasNextPage"]!.GetValue<bool>();
            after = sessions["pageInfo"]!["endCursor"]?.GetValue<string>();
        }
        while (hasNext);

        started.Reverse();
        Assert.Equal(started, seen);
    }

    [Fact]
    public async Task A_forged_cursor_is_a_validation_error()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);

        var response = await client.PostGraphQLAsync("{ sessions(after: \"bm90LWEtY3Vyc29y\") { edges { cursor } } }");

        Assert.Equal("VALIDATION", response.FirstErrorCode);
    }

    private async Task<int> CountSetsAsync(string sessionId)
    {
        await using var db = await api.CreateDbAsync();
        return await db.Sets.CountAsync(s => s.SessionId == Guid.Parse(sessionId));
    }
}
