using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Sessions;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Imports;

/// <summary>
/// Importing Strong and Hevy exports through the real HTTP resources, on PostgreSQL: upload → preview →
/// confirm → the job writes sessions, sets, body maps and progression; the same or an overlapping file
/// writes nothing twice; a bad file names its line and column and writes nothing; an export imports back.
/// </summary>
public sealed class HistoryImportTests(KestrelWorkoutApiFactory api) : IClassFixture<KestrelWorkoutApiFactory>
{
    [Fact]
    public async Task A_strong_file_previews_then_writes_its_sessions_sets_body_map_and_records_on_confirmation()
    {
        var (client, athlete) = await NewAthleteAsync();

        var (status, preview) = await ImportFiles.UploadAsync(client, "strong-units.csv");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("Strong", preview["format"]!.GetValue<string>());
        Assert.Equal("Previewed", preview["status"]!.GetValue<string>());
        Assert.Equal(10, preview["preview"]!["rowsRead"]!.GetValue<int>());
        Assert.Equal(1, preview["preview"]!["skippedRows"]!["timed or distance set"]!.GetValue<int>());
        AssertCount(preview["preview"]!["sessions"]!, total: 2, @new: 2, existing: 0);
        AssertCount(preview["preview"]!["sets"]!, total: 9, @new: 9, existing: 0);
        var matches = ImportFiles.Matches(preview);
        Assert.Equal(("barbell-back-squat", "Alias"), matches["Squat (Barbell)"]);
        Assert.Equal(("romanian-deadlift", "Alias"), matches["Romanian Deadlift (Barbell)"]);
        Assert.Equal(("barbell-bench-press", "Alias"), matches["Bench Press (Barbell)"]);
        Assert.Equal(("barbell-row", "Alias"), matches["Bent Over Row (Barbell)"]);
        Assert.Equal((null, "None"), matches["Landmine Rotation"]);
        Assert.Equal(0, await CountAsync(athlete.Id));

        var done = await ImportFiles.ConfirmAndWaitAsync(client, preview, new() { ["Landmine Rotation"] = "pallof-press" });

        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal(2, done["sessionsWritten"]!.GetValue<int>());
        Assert.Equal(9, done["setsWritten"]!.GetValue<int>());
        await using var db = await api.CreateDbAsync();
        var sessions = await db.Sessions.Where(s => s.AthleteId == athlete.Id).OrderBy(s => s.StartedAt).ToListAsync();
        Assert.Equal([new DateTimeOffset(2026, 10, 5, 18, 2, 11, TimeSpan.Zero), new DateTimeOffset(2026, 10, 7, 18, 10, 0, TimeSpan.Zero)], sessions.Select(s => s.StartedAt));
        Assert.Equal([TimeSpan.FromMinutes(65), TimeSpan.FromMinutes(55)], sessions.Select(s => s.FinishedAt!.Value - s.StartedAt));
        var sets = await db.Sets.Where(s => s.AthleteId == athlete.Id).OrderBy(s => s.PerformedAt).ToListAsync();
        Assert.Equal(
            ["barbell-back-squat:60:5:W", "barbell-back-squat:100:5:8", "barbell-back-squat:100:5:8.5", "romanian-deadlift:80:8:",
             "barbell-bench-press:40:8:W", "barbell-bench-press:70:5:", "barbell-bench-press:70:5:9", "barbell-row:61.235:8:", "pallof-press:20:10:"],
            sets.Select(s => $"{s.ExerciseId}:{s.LoadKg:0.###}:{s.Reps}:{(s.IsWarmup ? "W" : s.Rpe?.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture))}"));
        Assert.Equal([1, 2, 3, 4, 1, 2, 3, 4, 5], sets.Select(s => s.Order));

        var quads = await db.BodyMapMuscles.SingleAsync(m => m.AthleteId == athlete.Id && m.WeekStart == new DateOnly(2026, 10, 5) && m.Muscle == MuscleGroup.Quads);
        Assert.Equal(2m, quads.HardSets); // the two working squat sets; the warm-up is not a hard set
        var records = await api.Services.GetRequiredService<TrainingHistory>().PersonalRecordsAsync(athlete.Id, "barbell-back-squat", CancellationToken.None);
        Assert.Contains(records, r => r.LoadKg == 100m && r.Reps == 5);
        Assert.Contains(await db.ExerciseProgress.Where(p => p.AthleteId == athlete.Id).Select(p => p.ExerciseId).ToListAsync(), id => id == "barbell-bench-press");
    }

    [Fact]
    public async Task A_completed_import_changes_the_etags_of_the_weeks_and_the_plan_it_touched()
    {
        var (client, _) = await NewAthleteAsync();
        var week = new { weekStart = "2026-10-05" };
        var bodyMap = (await client.GetPersistedAsync("BodyMap", week)).Headers.ETag!.ToString();
        var plan = (await client.GetPersistedAsync("WeeklyPlan")).Headers.ETag!.ToString();
        Assert.Equal(HttpStatusCode.NotModified, (await client.GetPersistedAsync("BodyMap", week, ifNoneMatch: bodyMap)).Status); // now known in memory

        var (_, preview) = await ImportFiles.UploadAsync(client, "strong-units.csv");
        await ImportFiles.ConfirmAndWaitAsync(client, preview, new() { ["Landmine Rotation"] = null });
        var bodyMapAfter = await client.GetPersistedAsync("BodyMap", week, ifNoneMatch: bodyMap);
        var planAfter = await client.GetPersistedAsync("WeeklyPlan", ifNoneMatch: plan);

        Assert.Equal(HttpStatusCode.OK, bodyMapAfter.Status);
        Assert.Contains(bodyMapAfter.Data!["bodyMap"]!["muscles"]!.AsArray(), m => m!["muscle"]!.GetValue<string>() == "QUADS");
        Assert.Equal(HttpStatusCode.OK, planAfter.Status); // progression moved with the imported workouts
    }

    [Fact]
    public async Task The_same_file_again_previews_everything_as_existing_and_writes_nothing()
    {
        var (client, athlete) = await NewAthleteAsync();
        var (_, first) = await ImportFiles.UploadAsync(client, "strong-units.csv");
        await ImportFiles.ConfirmAndWaitAsync(client, first, new() { ["Landmine Rotation"] = null });
        var before = await CountAsync(athlete.Id);
        var progression = await ProgressionVersionAsync(athlete.Id);

        var (status, again) = await ImportFiles.UploadAsync(client, "strong-units.csv");
        var done = await ImportFiles.ConfirmAndWaitAsync(client, again, new() { ["Landmine Rotation"] = null });

        Assert.Equal(HttpStatusCode.Created, status);
        AssertCount(again["preview"]!["sessions"]!, total: 2, @new: 0, existing: 2);
        AssertCount(again["preview"]!["sets"]!, total: 9, @new: 0, existing: 9);
        Assert.Equal(0, done["sessionsWritten"]!.GetValue<int>());
        Assert.Equal(0, done["setsWritten"]!.GetValue<int>());
        Assert.Equal(before, await CountAsync(athlete.Id));
        Assert.Equal(8, before);
        Assert.Equal(progression, await ProgressionVersionAsync(athlete.Id));
    }

    [Fact]
    public async Task An_overlapping_later_export_writes_only_the_workout_that_is_new()
    {
        var (client, athlete) = await NewAthleteAsync();
        var (_, first) = await ImportFiles.UploadAsync(client, "strong-units.csv");
        await ImportFiles.ConfirmAndWaitAsync(client, first, new() { ["Landmine Rotation"] = null });

        var (_, later) = await ImportFiles.UploadAsync(client, "strong-later.csv");
        var done = await ImportFiles.ConfirmAndWaitAsync(client, later, new() { ["Landmine Rotation"] = null });

        AssertCount(later["preview"]!["sessions"]!, total: 2, @new: 1, existing: 1);
        AssertCount(later["preview"]!["sets"]!, total: 7, @new: 2, existing: 5);
        Assert.Equal(1, done["sessionsWritten"]!.GetValue<int>());
        Assert.Equal(2, done["setsWritten"]!.GetValue<int>());
        await using var db = await api.CreateDbAsync();
        Assert.Equal(3, await db.Sessions.CountAsync(s => s.AthleteId == athlete.Id));
        Assert.Equal(2, await db.Sets.CountAsync(s => s.AthleteId == athlete.Id && s.ExerciseId == "conventional-deadlift"));
        Assert.Equal(3, await db.Sets.CountAsync(s => s.AthleteId == athlete.Id && s.ExerciseId == "barbell-bench-press"));
    }

    [Theory]
    [InlineData("2026-10-05 18:02:11;Lower A;Squat (Barbell);1;100;kg;5;;;;0;;;1h\n2026-13-45 18:00:00;Lower A;Squat (Barbell);2;100;kg;5;;;;0;;;1h", 3, 1, "Date")]
    [InlineData("2026-10-05 18:02:11;Lower A;Squat (Barbell);1;heavy;kg;5;;;;0;;;1h", 2, 5, "Weight")]
    [InlineData("2026-10-05 18:02:11;Lower A;Squat (Barbell);1;100;kg;5;;;;0;;;1h\n2026-10-05 18:02:11;Lower A;Squat (Barbell);2;100;kg;5", 3, 8, null)]
    [InlineData("2026-10-05 18:02:11;Lower A;Squat (Barbell);1;100;kg;5;11;;;0;;;1h", 2, 8, "RPE")]
    [InlineData("2026-10-05 18:02:11;Lower A;Squat (Barbell);1;100;stone;5;;;;0;;;1h", 2, 6, "Weight Unit")]
    public async Task A_malformed_file_is_refused_naming_line_and_column_and_nothing_is_written(string rows, int line, int column, string? columnName)
    {
        var (client, athlete) = await NewAthleteAsync();
        var file = "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration\n" + rows + "\n";

        using var response = await client.PostAsync("/imports", new StringContent(file, Encoding.UTF8, "text/csv"));
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("IMPORT_FILE_INVALID", problem!["code"]!.GetValue<string>());
        Assert.Equal(line, problem["line"]!.GetValue<int>());
        Assert.Equal(column, problem["column"]!.GetValue<int>());
        Assert.Equal(columnName, problem["columnName"]?.GetValue<string>());
        Assert.StartsWith($"Line {line}, column {column}", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await using var db = await api.CreateDbAsync();
        Assert.False(await db.HistoryImports.AnyAsync(i => i.AthleteId == athlete.Id));
        Assert.Equal(0, await CountAsync(athlete.Id));
    }

    [Fact]
    public async Task A_file_that_is_no_export_and_a_confirmation_leaving_a_name_unmatched_are_refused_with_their_codes()
    {
        var (client, athlete) = await NewAthleteAsync();

        using var notExport = await client.PostAsync("/imports", new StringContent("name,age\nAda,36\n", Encoding.UTF8, "text/csv"));
        var (_, preview) = await ImportFiles.UploadAsync(client, "strong-units.csv");
        using var unmatched = await client.PostAsJsonAsync($"/imports/{preview["id"]}/confirm", new { matches = new Dictionary<string, string?>() });
        using var unknownId = await client.PostAsJsonAsync($"/imports/{preview["id"]}/confirm", new { matches = new Dictionary<string, string?> { ["Landmine Rotation"] = "landmine-rotation" } });
        using var badZone = await client.PostAsync("/imports?timeZone=Mars%2FOlympus", new StringContent("x", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, notExport.StatusCode);
        Assert.Equal("IMPORT_FILE_INVALID", (await notExport.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, unmatched.StatusCode);
        var unmatchedProblem = await unmatched.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("VALIDATION", unmatchedProblem!["code"]!.GetValue<string>());
        Assert.Equal("matches[\"Landmine Rotation\"]", unmatchedProblem["field"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, unknownId.StatusCode);
        Assert.Equal("VALIDATION", (await unknownId.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, badZone.StatusCode);
        Assert.Equal("timeZone", (await badZone.Content.ReadFromJsonAsync<JsonObject>())!["field"]!.GetValue<string>());
        Assert.Equal(0, await CountAsync(athlete.Id));
    }

    [Fact]
    public async Task Another_athletes_import_is_not_found_and_a_coach_may_not_import()
    {
        var (owner, _) = await NewAthleteAsync();
        var (stranger, _) = await NewAthleteAsync();
        var coach = await api.CreateClientForAsync(await api.CreateUserAsync(UserRole.Coach));
        var (_, preview) = await ImportFiles.UploadAsync(owner, "strong-units.csv");

        using var read = await stranger.GetAsync($"/imports/{preview["id"]}");
        using var confirm = await stranger.PostAsJsonAsync($"/imports/{preview["id"]}/confirm", new { matches = new Dictionary<string, string?> { ["Landmine Rotation"] = null } });
        var (coachStatus, coachProblem) = await ImportFiles.UploadAsync(coach, "strong-units.csv");
        using var anonymous = await api.CreateClient().PostAsync("/imports", new StringContent("x", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal("NOT_FOUND", (await read.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, coachStatus);
        Assert.Equal("FORBIDDEN", coachProblem["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_hevy_file_keeps_warm_ups_drops_and_failures_apart_and_skips_timed_sets()
    {
        var (client, athlete) = await NewAthleteAsync();

        var (_, preview) = await ImportFiles.UploadAsync(client, "hevy.csv", "timeZone=America%2FLos_Angeles");
        var done = await ImportFiles.ConfirmAndWaitAsync(client, preview, new() { ["Cable Woodchop"] = null });

        Assert.Equal("Hevy", preview["format"]!.GetValue<string>());
        Assert.Equal(1, preview["preview"]!["skippedRows"]!["timed or distance set"]!.GetValue<int>());
        var matches = ImportFiles.Matches(preview);
        Assert.Equal(("dumbbell-lateral-raise", "Alias"), matches["Lateral Raise (Dumbbell)"]);
        Assert.Equal(("cable-triceps-pushdown", "Alias"), matches["Triceps Pushdown"]);
        Assert.False(matches.ContainsKey("Plank")); // its only set was timed
        Assert.Equal(6, done["setsWritten"]!.GetValue<int>());
        await using var db = await api.CreateDbAsync();
        var session = await db.Sessions.SingleAsync(s => s.AthleteId == athlete.Id);
        Assert.Equal(new DateTimeOffset(2026, 10, 15, 1, 0, 0, TimeSpan.Zero), session.StartedAt); // 18:00 in Los Angeles (PDT, UTC−7)
        Assert.Equal(TimeSpan.FromMinutes(65), session.FinishedAt - session.StartedAt);
        var bench = await db.Sets.Where(s => s.SessionId == session.Id && s.ExerciseId == "barbell-bench-press").OrderBy(s => s.Order).ToListAsync();
        Assert.Equal([SetType.Warmup, SetType.Working, SetType.Drop], bench.Select(s => s.SetType));
        Assert.Equal([null, 8m, null], bench.Select(s => s.Rpe));
        Assert.Equal(["Pause on chest", null, null], bench.Select(s => s.Note)); // the exercise's note, once
        Assert.Equal("Gym was busy", session.Note);
        Assert.Equal(SetType.Failure, (await db.Sets.Where(s => s.SessionId == session.Id && s.ExerciseId == "dumbbell-lateral-raise").OrderBy(s => s.Order).LastAsync()).SetType);
        var superset = await db.SessionExercises.Where(e => e.SessionId == session.Id).OrderBy(e => e.Position).Select(e => new { e.ExerciseId, e.SupersetGroup }).ToListAsync();
        Assert.Equal([("dumbbell-lateral-raise", "A"), ("cable-triceps-pushdown", "A")], superset.Select(e => (e.ExerciseId, e.SupersetGroup)));
    }

    [Fact]
    public async Task A_strong_file_without_units_is_read_in_the_unit_the_uploader_names()
    {
        var (client, athlete) = await NewAthleteAsync();

        var (_, preview) = await ImportFiles.UploadAsync(client, "strong-current-lb.csv", "unit=lb");
        await ImportFiles.ConfirmAndWaitAsync(client, preview, []);

        Assert.Equal(1, preview["preview"]!["skippedRows"]!["rest timer"]!.GetValue<int>());
        await using var db = await api.CreateDbAsync();
        var loads = await db.Sets.Where(s => s.AthleteId == athlete.Id).OrderBy(s => s.Order).Select(s => s.LoadKg).ToListAsync();
        Assert.Equal([43.091m, 83.915m, 61.235m, 43.091m], loads); // 95, 185, 135, 95 lb
    }

    [Fact]
    public async Task An_export_imported_into_a_new_account_reproduces_the_same_sessions_and_sets()
    {
        var (client, athlete) = await NewAthleteAsync();
        var (_, first) = await ImportFiles.UploadAsync(client, "strong-units.csv");
        await ImportFiles.ConfirmAndWaitAsync(client, first, new() { ["Landmine Rotation"] = "pallof-press" });
        var (_, hevy) = await ImportFiles.UploadAsync(client, "hevy.csv");
        await ImportFiles.ConfirmAndWaitAsync(client, hevy, new() { ["Cable Woodchop"] = null });

        var export = await client.GetStringAsync("/exports/sets.csv");
        var (newcomer, other) = await NewAthleteAsync();
        using var upload = new StringContent(export, Encoding.UTF8, "text/csv");
        using var response = await newcomer.PostAsync("/imports?fileName=workouttracker-sets.csv", upload);
        var preview = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.All(ImportFiles.Matches(preview!).Values, m => Assert.Equal("Exact", m.Quality));
        await ImportFiles.ConfirmAndWaitAsync(newcomer, preview!, []);

        Assert.Equal(await DescribeAsync(athlete.Id), await DescribeAsync(other.Id));
        using var again = new StringContent(export, Encoding.UTF8, "text/csv");
        using var intoSelf = await client.PostAsync("/imports", again);
        var self = await intoSelf.Content.ReadFromJsonAsync<JsonObject>();
        AssertCount(self!["preview"]!["sessions"]!, total: 3, @new: 0, existing: 3);
    }

    [Fact]
    public async Task The_account_export_holds_profile_sessions_sets_records_and_coach_links()
    {
        var (client, athlete) = await NewAthleteAsync();
        var (_, first) = await ImportFiles.UploadAsync(client, "strong-units.csv");
        await ImportFiles.ConfirmAndWaitAsync(client, first, new() { ["Landmine Rotation"] = null });

        using var response = await client.GetAsync("/exports/account.json");
        var document = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("workouttracker-account/1", document!["format"]!.GetValue<string>());
        Assert.Equal(athlete.Id, document["account"]!["id"]!.GetValue<Guid>());
        Assert.Equal(2, document["sessions"]!.AsArray().Count);
        Assert.Equal(8, document["sessions"]!.AsArray().Sum(s => s!["sets"]!.AsArray().Count));
        Assert.Contains(document["personalRecords"]!.AsArray(), r => r!["exerciseId"]!.GetValue<string>() == "barbell-back-squat");
        Assert.Equal("Felt good; slept well", document["sessions"]![0]!["note"]!.GetValue<string>());
        Assert.Equal("belt on", document["sessions"]![0]!["sets"]![1]!["note"]!.GetValue<string>());
        Assert.Equal("Warmup", document["sessions"]![0]!["sets"]![0]!["setType"]!.GetValue<string>());
        foreach (var part in new[] { "coachLinks", "customExercises", "exerciseNotes", "planEdits" })
        {
            Assert.NotNull(document[part] as JsonArray);
        }
    }

    private async Task<(HttpClient Client, DemoUser Athlete)> NewAthleteAsync()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        return (await api.CreateClientForAsync(athlete), athlete);
    }

    private async Task<int> CountAsync(Guid athleteId)
    {
        await using var db = await api.CreateDbAsync();
        return await db.Sets.CountAsync(s => s.AthleteId == athleteId);
    }

    private async Task<int> ProgressionVersionAsync(Guid athleteId)
    {
        await using var db = await api.CreateDbAsync();
        return await db.AthleteProfiles.Where(p => p.UserId == athleteId).Select(p => p.ProgressionVersion).SingleOrDefaultAsync();
    }

    /// <summary>Every set as (session start, exercise, load, reps, RPE, warm-up), in order.</summary>
    private async Task<List<string>> DescribeAsync(Guid athleteId)
    {
        await using var db = await api.CreateDbAsync();
        return await db.Sets.Where(s => s.AthleteId == athleteId)
            .Join(db.Sessions, s => s.SessionId, s => s.Id, (set, session) => new { session.StartedAt, session.FinishedAt, set.Order, set.ExerciseId, set.LoadKg, set.Reps, set.Rpe, set.IsWarmup })
            .OrderBy(x => x.StartedAt).ThenBy(x => x.Order)
            .Select(x => $"{x.StartedAt:O}|{x.FinishedAt:O}|{x.ExerciseId}|{x.LoadKg}|{x.Reps}|{x.Rpe}|{x.IsWarmup}")
            .ToListAsync();
    }

    private static void AssertCount(JsonNode count, int total, int @new, int existing) =>
        Assert.Equal((total, @new, existing), (count["total"]!.GetValue<int>(), count["new"]!.GetValue<int>(), count["existing"]!.GetValue<int>()));
}
