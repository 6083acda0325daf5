using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;

namespace WorkoutTracker.Server.Tests.Logbook;

/// <summary>Set types (warm-up, working, drop, failure) and notes (set, session, sticky per exercise) through real HTTP on PostgreSQL.</summary>
public sealed class SetTypeAndNoteTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    private const string BodyMap = "{ bodyMap { muscles { muscle hardSets } } }";

    [Fact]
    public async Task The_body_map_counts_working_drop_and_failure_sets_but_not_warm_ups()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var sessionId = await client.StartSessionAsync();

        foreach (var type in new[] { "WARMUP", "WARMUP", "WORKING", "DROP", "FAILURE" })
        {
            var logged = (await client.LogTypedSetAsync(sessionId, "barbell-bench-press", 60m, 8, type)).Payload("logSet");
            Assert.Equal(type, logged["set"]!["setType"]!.GetValue<string>());
            Assert.Equal(type == "WARMUP", logged["set"]!["isWarmup"]!.GetValue<bool>());
        }

        var chest = (await client.PostGraphQLAsync(BodyMap)).Payload("bodyMap")["muscles"]!.AsArray().Single(m => m!["muscle"]!.GetValue<string>() == "CHEST")!;
        Assert.Equal(3, chest["hardSets"]!.GetValue<double>());
    }

    [Fact]
    public async Task Changing_a_working_set_to_a_warm_up_takes_it_out_of_the_body_map()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var sessionId = await client.StartSessionAsync();
        var setId = (await client.LogTypedSetAsync(sessionId, "barbell-bench-press", 60m, 8)).Payload("logSet")["setId"]!.GetValue<string>();

        var updated = await client.PostGraphQLAsync(
            "mutation($input: UpdateSetInput!) { updateSet(input: $input) { set { setType isWarmup note } } }",
            new { input = new { clientMutationId = LogbookApi.Id(), setId, loadKg = 40, reps = 8, setType = "WARMUP", note = "  felt easy  " } });

        Assert.Equal("WARMUP", updated.Payload("updateSet")["set"]!["setType"]!.GetValue<string>());
        Assert.Equal("felt easy", updated.Payload("updateSet")["set"]!["note"]!.GetValue<string>());
        var muscles = (await client.PostGraphQLAsync(BodyMap)).Payload("bodyMap")["muscles"]!.AsArray();
        Assert.All(muscles, m => Assert.Equal(0, m!["hardSets"]!.GetValue<double>()));
    }

    [Fact]
    public async Task A_warm_up_never_breaks_a_record_and_the_first_working_set_does()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var sessionId = await client.StartSessionAsync();

        var warmUp = (await client.LogTypedSetAsync(sessionId, "barbell-back-squat", 200m, 5, "WARMUP")).Payload("logSet");
        var working = (await client.LogTypedSetAsync(sessionId, "barbell-back-squat", 100m, 5)).Payload("logSet");
        var drop = (await client.LogTypedSetAsync(sessionId, "barbell-back-squat", 80m, 12, "DROP")).Payload("logSet");

        Assert.Empty(warmUp["newRecords"]!.AsArray());
        Assert.Equal(["HEAVIEST_LOAD", "MOST_REPS_AT_LOAD", "BEST_E1RM"], working["newRecords"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Contains("MOST_REPS_AT_LOAD", drop["newRecords"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task A_set_type_that_contradicts_isWarmup_is_a_validation_error_and_writes_nothing()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var sessionId = await client.StartSessionAsync();

        var response = await client.PostGraphQLAsync(LogbookApi.LogSet, new
        {
            input = new { clientMutationId = LogbookApi.Id(), sessionId, exerciseId = "barbell-back-squat", loadKg = 60, reps = 5, isWarmup = true, setType = "DROP" },
        });

        Assert.Equal("VALIDATION", response.FirstErrorCode);
        Assert.Equal("setType", response.ErrorField());
        await using var db = await api.CreateDbAsync();
        Assert.Equal(0, await db.Sets.CountAsync(s => s.SessionId == Guid.Parse(sessionId)));
    }

    [Fact]
    public async Task A_set_note_is_trimmed_and_a_note_over_500_characters_is_refused()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var sessionId = await client.StartSessionAsync();

        var logged = (await client.LogTypedSetAsync(sessionId, "barbell-back-squat", 100m, 5, note: "  knees out  ")).Payload("logSet");
        var tooLong = await client.LogTypedSetAsync(sessionId, "barbell-back-squat", 100m, 5, note: new string('x', 501));

        Assert.Equal("knees out", logged["set"]!["note"]!.GetValue<string>());
        Assert.Equal("VALIDATION", tooLong.FirstErrorCode);
        Assert.Equal("note", tooLong.ErrorField());
        Assert.Contains("500", tooLong.Errors![0]!["message"]!.GetValue<string>());
        await using var db = await api.CreateDbAsync();
        Assert.Equal(1, await db.Sets.CountAsync(s => s.SessionId == Guid.Parse(sessionId)));
    }

    [Fact]
    public async Task LogSet_with_a_type_and_note_replayed_writes_nothing_twice()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var sessionId = await client.StartSessionAsync();
        var id = LogbookApi.Id();

        var first = (await client.LogTypedSetAsync(sessionId, "barbell-back-squat", 100m, 5, "FAILURE", "grinder", id)).Payload("logSet");
        var replay = (await client.LogTypedSetAsync(sessionId, "barbell-back-squat", 100m, 5, "FAILURE", "grinder", id)).Payload("logSet");
        var conflict = await client.LogTypedSetAsync(sessionId, "barbell-back-squat", 100m, 5, "DROP", "grinder", id);

        Assert.True(replay["replayed"]!.GetValue<bool>());
        Assert.Equal(first["setId"]!.GetValue<string>(), replay["setId"]!.GetValue<string>());
        Assert.Equal("FAILURE", replay["set"]!["setType"]!.GetValue<string>());
        Assert.Equal("IDEMPOTENCY_CONFLICT", conflict.FirstErrorCode);
        await using var db = await api.CreateDbAsync();
        Assert.Equal(1, await db.Sets.CountAsync(s => s.SessionId == Guid.Parse(sessionId)));
    }

    private const string SetSessionNote = "mutation($input: SetSessionNoteInput!) { setSessionNote(input: $input) { replayed session { note version } } }";

    [Fact]
    public async Task A_session_note_can_be_written_after_finishing_and_a_replay_changes_nothing()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var sessionId = await client.StartSessionAsync();
        await client.PostGraphQLAsync(SessionApi.FinishSession, new { input = new { clientMutationId = LogbookApi.Id(), sessionId } });
        var id = LogbookApi.Id();

        var first = (await client.PostGraphQLAsync(SetSessionNote, new { input = new { clientMutationId = id, sessionId, note = "Gym was packed." } })).Payload("setSessionNote");
        var replay = (await client.PostGraphQLAsync(SetSessionNote, new { input = new { clientMutationId = id, sessionId, note = "Gym was packed." } })).Payload("setSessionNote");
        var tooLong = await client.PostGraphQLAsync(SetSessionNote, new { input = new { clientMutationId = LogbookApi.Id(), sessionId, note = new string('x', 2001) } });

        Assert.Equal("Gym was packed.", first["session"]!["note"]!.GetValue<string>());
        Assert.True(replay["replayed"]!.GetValue<bool>());
        Assert.Equal(first["session"]!["version"]!.GetValue<int>(), replay["session"]!["version"]!.GetValue<int>());
        Assert.Equal("VALIDATION", tooLong.FirstErrorCode);
        Assert.Equal("note", tooLong.ErrorField());
        await using var db = await api.CreateDbAsync();
        Assert.Equal("Gym was packed.", (await db.Sessions.SingleAsync(s => s.Id == Guid.Parse(sessionId))).Note);
    }

    [Fact]
    public async Task Another_athletes_session_note_is_forbidden_and_unchanged()
    {
        var owner = await api.CreateUserAsync(UserRole.Athlete);
        var other = await api.CreateUserAsync(UserRole.Athlete);
        using var ownerClient = await api.CreateClientForAsync(owner);
        using var otherClient = await api.CreateClientForAsync(other);
        var sessionId = await ownerClient.StartSessionAsync();

        var response = await otherClient.PostGraphQLAsync(SetSessionNote, new { input = new { clientMutationId = LogbookApi.Id(), sessionId, note = "mine now" } });

        Assert.Equal("FORBIDDEN", response.FirstErrorCode);
        await using var db = await api.CreateDbAsync();
        Assert.Null((await db.Sessions.SingleAsync(s => s.Id == Guid.Parse(sessionId))).Note);
    }

    private const string SetExerciseNote = "mutation($input: SetExerciseNoteInput!) { setExerciseNote(input: $input) { replayed exerciseNote { exerciseId note } } }";

    [Fact]
    public async Task A_sticky_exercise_note_shows_until_cleared_and_its_coach_reads_it()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        var coach = await api.CreateUserAsync(UserRole.Coach);
        await LogbookApi.LinkAsync(api, athlete, coach);
        using var client = await api.CreateClientForAsync(athlete);
        using var coachClient = await api.CreateClientForAsync(coach);

        var written = (await client.PostGraphQLAsync(SetExerciseNote, new { input = new { clientMutationId = LogbookApi.Id(), exerciseId = "barbell-back-squat", note = "Safeties on pin 7" } })).Payload("setExerciseNote");
        var coachReads = (await coachClient.PostGraphQLAsync("query($a: ID) { exerciseNotes(athleteId: $a) { exerciseId note } }", new { a = athlete.Id })).Payload("exerciseNotes");
        var coachWrites = await coachClient.PostGraphQLAsync(SetExerciseNote, new { input = new { clientMutationId = LogbookApi.Id(), exerciseId = "barbell-back-squat", note = "x" } });
        var cleared = (await client.PostGraphQLAsync(SetExerciseNote, new { input = new { clientMutationId = LogbookApi.Id(), exerciseId = "barbell-back-squat", note = "   " } })).Payload("setExerciseNote");
        var after = (await client.PostGraphQLAsync("{ exerciseNotes { exerciseId } }")).Payload("exerciseNotes");

        Assert.Equal("Safeties on pin 7", written["exerciseNote"]!["note"]!.GetValue<string>());
        Assert.Equal("Safeties on pin 7", coachReads.AsArray().Single()!["note"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", coachWrites.FirstErrorCode);
        Assert.Null(cleared["exerciseNote"]!["note"]);
        Assert.Empty(after.AsArray());
    }

    [Fact]
    public async Task A_note_on_an_unknown_exercise_is_not_found_and_a_long_one_is_refused()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);

        var unknown = await client.PostGraphQLAsync(SetExerciseNote, new { input = new { clientMutationId = LogbookApi.Id(), exerciseId = "no-such-lift", note = "x" } });
        var tooLong = await client.PostGraphQLAsync(SetExerciseNote, new { input = new { clientMutationId = LogbookApi.Id(), exerciseId = "barbell-back-squat", note = new string('x', 1001) } });

        Assert.Equal("NOT_FOUND", unknown.FirstErrorCode);
        Assert.Equal("VALIDATION", tooLong.FirstErrorCode);
        Assert.Equal("note", tooLong.ErrorField());
        await using var db = await api.CreateDbAsync();
        Assert.Equal(0, await db.ExerciseNotes.CountAsync(n => n.AthleteId == athlete.Id));
    }
}
