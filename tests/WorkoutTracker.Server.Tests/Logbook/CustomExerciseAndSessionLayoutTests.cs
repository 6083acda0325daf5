using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;

namespace WorkoutTracker.Server.Tests.Logbook;

/// <summary>Custom exercises (the owner's and their coaches', usable everywhere) and a session's added exercises and supersets.</summary>
public sealed class CustomExerciseAndSessionLayoutTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    private static object Landmine(string id, string name = "Landmine Press") => new
    {
        clientMutationId = id,
        name,
        pattern = "VERTICAL_PUSH",
        loading = "BARBELL",
        primaryMuscles = new[] { "FRONT_DELTS" },
        secondaryMuscles = new[] { "TRICEPS" },
        equipment = new[] { "BARBELL" },
        isCompound = true,
    };

    private static async Task<string> CreateAsync(HttpClient client, string name = "Landmine Press") =>
        (await client.PostGraphQLAsync(LogbookApi.CreateExercise, new { input = Landmine(LogbookApi.Id(), name) })).Payload("createExercise")["exercise"]!["id"]!.GetValue<string>();

    [Fact]
    public async Task A_custom_exercise_is_seen_by_its_owner_and_their_coach_only_and_logs_into_the_body_map()
    {
        var owner = await api.CreateUserAsync(UserRole.Athlete);
        var other = await api.CreateUserAsync(UserRole.Athlete);
        var coach = await api.CreateUserAsync(UserRole.Coach);
        await LogbookApi.LinkAsync(api, owner, coach);
        using var ownerClient = await api.CreateClientForAsync(owner);
        using var otherClient = await api.CreateClientForAsync(other);
        using var coachClient = await api.CreateClientForAsync(coach);
        const string Search = "query($a: ID) { exercises(athleteId: $a, filter: { search: \"landmine\" }) { id isCustom } }";

        var id = await CreateAsync(ownerClient);
        var ownerSees = (await ownerClient.PostGraphQLAsync(Search)).Payload("exercises").AsArray();
        var otherSees = (await otherClient.PostGraphQLAsync(Search)).Payload("exercises").AsArray();
        var coachSees = (await coachClient.PostGraphQLAsync(Search, new { a = owner.Id })).Payload("exercises").AsArray();
        var sessionId = await ownerClient.StartSessionAsync();
        var logged = await ownerClient.LogTypedSetAsync(sessionId, id, 40m, 10);
        var otherSession = await otherClient.StartSessionAsync();
        var otherLogs = await otherClient.LogTypedSetAsync(otherSession, id, 40m, 10);
        var shoulders = (await ownerClient.PostGraphQLAsync("{ bodyMap { muscles { muscle hardSets } } }")).Payload("bodyMap")["muscles"]!.AsArray()
            .Single(m => m!["muscle"]!.GetValue<string>() == "FRONT_DELTS")!;

        Assert.StartsWith("custom-", id, StringComparison.Ordinal);
        Assert.True(ownerSees.Single()!["isCustom"]!.GetValue<bool>());
        Assert.Empty(otherSees);
        Assert.Equal(id, coachSees.Single()!["id"]!.GetValue<string>());
        Assert.Null(logged.Errors);
        Assert.Equal("NOT_FOUND", otherLogs.FirstErrorCode);
        Assert.Equal(1, shoulders["hardSets"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_custom_exercise_can_be_added_to_the_plan_and_finishing_a_session_progresses_it()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var id = await CreateAsync(client);

        var added = await client.EditPlanAsync("addPlannedExercise", "AddPlannedExerciseInput", new { clientMutationId = LogbookApi.Id(), dayNumber = 1, exerciseId = id });
        var sessionId = (await client.PostGraphQLAsync(SessionApi.StartSession, new { input = new { clientMutationId = LogbookApi.Id(), planDayNumber = 1 } }))
            .Payload("startSession")["session"]!["id"]!.GetValue<string>();
        await client.LogTypedSetAsync(sessionId, id, 20m, 12);
        var finished = await client.PostGraphQLAsync(SessionApi.FinishSession, new { input = new { clientMutationId = LogbookApi.Id(), sessionId } });

        Assert.Contains(id, added.Payload("addPlannedExercise")["plan"]!.ExerciseIds(1));
        Assert.Null(finished.Errors);
        await using var db = await api.CreateDbAsync();
        Assert.True(await db.ExerciseProgress.AnyAsync(p => p.AthleteId == athlete.Id && p.ExerciseId == id));
    }

    [Fact]
    public async Task CreateExercise_validates_its_name_and_muscles_refuses_a_taken_name_and_replays_without_a_second_row()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var id = LogbookApi.Id();

        var first = (await client.PostGraphQLAsync(LogbookApi.CreateExercise, new { input = Landmine(id) })).Payload("createExercise");
        var replay = (await client.PostGraphQLAsync(LogbookApi.CreateExercise, new { input = Landmine(id) })).Payload("createExercise");
        var taken = await client.PostGraphQLAsync(LogbookApi.CreateExercise, new { input = Landmine(LogbookApi.Id(), "landmine press") });
        var catalogName = await client.PostGraphQLAsync(LogbookApi.CreateExercise, new { input = Landmine(LogbookApi.Id(), "Barbell Bench Press") });
        var shortName = await client.PostGraphQLAsync(LogbookApi.CreateExercise, new { input = Landmine(LogbookApi.Id(), " x ") });
        var noMuscle = await client.PostGraphQLAsync(LogbookApi.CreateExercise, new
        {
            input = new { clientMutationId = LogbookApi.Id(), name = "Nothing", pattern = "CORE", loading = "BODYWEIGHT", primaryMuscles = Array.Empty<string>() },
        });
        using var coach = await api.CreateClientForAsync(await api.CreateUserAsync(UserRole.Coach));
        var byCoach = await coach.PostGraphQLAsync(LogbookApi.CreateExercise, new { input = Landmine(LogbookApi.Id(), "Coach Lift") });

        Assert.True(replay["replayed"]!.GetValue<bool>());
        Assert.Equal(first["exercise"]!["id"]!.GetValue<string>(), replay["exercise"]!["id"]!.GetValue<string>());
        Assert.Equal("EXERCISE_NAME_TAKEN", taken.FirstErrorCode);
        Assert.Equal("EXERCISE_NAME_TAKEN", catalogName.FirstErrorCode);
        Assert.Equal(("VALIDATION", "name"), (shortName.FirstErrorCode, shortName.ErrorField()));
        Assert.Equal(("VALIDATION", "primaryMuscles"), (noMuscle.FirstErrorCode, noMuscle.ErrorField()));
        Assert.Equal("FORBIDDEN", byCoach.FirstErrorCode);
        await using var db = await api.CreateDbAsync();
        Assert.Equal(1, await db.Exercises.CountAsync(e => e.OwnerId == athlete.Id));
    }

    private const string SessionExercises = "query($id: ID!) { session(id: $id) { exercises { exercise { id } added supersetGroup } } }";
    private const string AddExercise = "mutation($input: AddSessionExerciseInput!) { addSessionExercise(input: $input) { replayed session { version } } }";
    private const string Group = "mutation($input: GroupSessionSupersetInput!) { groupSessionSuperset(input: $input) { replayed session { version } } }";

    [Fact]
    public async Task Added_exercises_and_a_superset_show_on_the_session_and_replays_write_nothing_twice()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var custom = await CreateAsync(client);
        var sessionId = await client.StartSessionAsync();
        var addId = LogbookApi.Id();

        var added = (await client.PostGraphQLAsync(AddExercise, new { input = new { clientMutationId = addId, sessionId, exerciseId = custom } })).Payload("addSessionExercise");
        var replay = (await client.PostGraphQLAsync(AddExercise, new { input = new { clientMutationId = addId, sessionId, exerciseId = custom } })).Payload("addSessionExercise");
        await client.PostGraphQLAsync(Group, new { input = new { clientMutationId = LogbookApi.Id(), sessionId, exerciseIds = new[] { "barbell-bench-press", custom } } });
        var exercises = (await client.PostGraphQLAsync(SessionExercises, new { id = sessionId })).Payload("session")["exercises"]!.AsArray();
        await client.PostGraphQLAsync(Group, new { input = new { clientMutationId = LogbookApi.Id(), sessionId, exerciseIds = new[] { custom } } });
        var ungrouped = (await client.PostGraphQLAsync(SessionExercises, new { id = sessionId })).Payload("session")["exercises"]!.AsArray();

        Assert.True(replay["replayed"]!.GetValue<bool>());
        Assert.Equal(added["session"]!["version"]!.GetValue<int>(), replay["session"]!["version"]!.GetValue<int>());
        Assert.Equal(2, exercises.Count);
        Assert.All(exercises, e => Assert.Equal("A", e!["supersetGroup"]!.GetValue<string>()));
        Assert.True(exercises.Single(e => e!["exercise"]!["id"]!.GetValue<string>() == custom)!["added"]!.GetValue<bool>());
        Assert.False(exercises.Single(e => e!["exercise"]!["id"]!.GetValue<string>() == "barbell-bench-press")!["added"]!.GetValue<bool>());
        var left = Assert.Single(ungrouped);
        Assert.Equal(custom, left!["exercise"]!["id"]!.GetValue<string>());
        Assert.Null(left["supersetGroup"]);
    }

    [Fact]
    public async Task Session_layout_changes_are_refused_on_a_finished_or_someone_elses_session_and_for_bad_input()
    {
        var owner = await api.CreateUserAsync(UserRole.Athlete);
        var other = await api.CreateUserAsync(UserRole.Athlete);
        using var ownerClient = await api.CreateClientForAsync(owner);
        using var otherClient = await api.CreateClientForAsync(other);
        var open = await ownerClient.StartSessionAsync();
        var finished = await ownerClient.StartSessionAsync();
        await ownerClient.PostGraphQLAsync(SessionApi.FinishSession, new { input = new { clientMutationId = LogbookApi.Id(), sessionId = finished } });

        var onFinished = await ownerClient.PostGraphQLAsync(AddExercise, new { input = new { clientMutationId = LogbookApi.Id(), sessionId = finished, exerciseId = "plank" } });
        var onOthers = await otherClient.PostGraphQLAsync(AddExercise, new { input = new { clientMutationId = LogbookApi.Id(), sessionId = open, exerciseId = "plank" } });
        var unknown = await ownerClient.PostGraphQLAsync(AddExercise, new { input = new { clientMutationId = LogbookApi.Id(), sessionId = open, exerciseId = "no-such-lift" } });
        var tooMany = await ownerClient.PostGraphQLAsync(Group, new { input = new { clientMutationId = LogbookApi.Id(), sessionId = open, exerciseIds = new[] { "plank", "side-plank", "pull-up", "push-up", "barbell-back-squat" } } });

        Assert.Equal("SESSION_FINISHED", onFinished.FirstErrorCode);
        Assert.Equal("FORBIDDEN", onOthers.FirstErrorCode);
        Assert.Equal("NOT_FOUND", unknown.FirstErrorCode);
        Assert.Equal(("VALIDATION", "exerciseIds"), (tooMany.FirstErrorCode, tooMany.ErrorField()));
        await using var db = await api.CreateDbAsync();
        Assert.Equal(0, await db.SessionExercises.CountAsync(e => e.SessionId == Guid.Parse(open) || e.SessionId == Guid.Parse(finished)));
    }
}
