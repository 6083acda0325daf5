using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Identity;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Sessions;

namespace WorkoutTracker.Server.Exports;

/// <summary>
/// Everything of the signed-in user, to take elsewhere, streamed as it is read:
/// <list type="bullet">
/// <item><c>GET /exports/sets.csv?timeZone=…</c>: one row per set in Strong's layout with units
/// (<c>;</c>-separated; Date, Workout Name, Exercise Name, Set Order with W for warm-ups, Weight and Weight
/// Unit in the athlete's unit, Reps, RPE, …, Workout Duration), which Strong-reading apps (and our own
/// import) read back.</item>
/// <item><c>GET /exports/account.json</c>: the account, profile, progression, sessions with their notes,
/// supersets and sets (type, note), personal records, custom exercises, sticky exercise notes, plan edits
/// and coach links.</item>
/// </list>
/// </summary>
public static class ExportEndpoints
{
    private static readonly string[] Header =
        ["Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Weight Unit", "Reps", "RPE", "Distance", "Distance Unit", "Seconds", "Notes", "Workout Notes", "Workout Duration"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder endpoints)
    {
        var exports = endpoints.MapGroup("/exports").RequireAuthorization();
        exports.MapGet("/sets.csv", SetsAsync);
        exports.MapGet("/account.json", AccountAsync);
        return endpoints;
    }

    private static async Task<IResult> SetsAsync(HttpContext context, CurrentUser current, IDbContextFactory<WorkoutDb> dbFactory, string? timeZone, CancellationToken ct)
    {
        var zoneId = string.IsNullOrWhiteSpace(timeZone) ? "UTC" : timeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: $"timeZone: '{zoneId}' is not a known IANA time zone.",
                extensions: new Dictionary<string, object?> { ["code"] = "VALIDATION", ["field"] = "timeZone" });
        }

        var user = await current.RequireAsync(context.User, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.AthleteProfiles.Where(p => p.UserId == user.Id).Select(p => (WeightUnit?)p.Units).SingleOrDefaultAsync(ct) ?? WeightUnit.Kg;
        var names = await db.Exercises.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Name, StringComparer.Ordinal, ct);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.AthleteId == user.Id)
            .ToDictionaryAsync(s => s.Id, ct);

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"workouttracker-sets.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false));
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        foreach (var column in Header)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
        Guid? sessionId = null;
        var workingSets = new Dictionary<string, int>(StringComparer.Ordinal);
        var sets = db.Sets.AsNoTracking().Where(s => s.AthleteId == user.Id)
            .Join(db.Sessions, s => s.SessionId, s => s.Id, (set, session) => new { set, session.StartedAt })
            .OrderBy(x => x.StartedAt).ThenBy(x => x.set.SessionId).ThenBy(x => x.set.Order)
            .Select(x => x.set);
        await foreach (var set in sets.AsAsyncEnumerable().WithCancellation(ct))
        {
            var session = sessions[set.SessionId];
            if (set.SessionId != sessionId)
            {
                (sessionId, workingSets) = (set.SessionId, new Dictionary<string, int>(StringComparer.Ordinal));
            }

            var order = set.SetType switch
            {
                SetType.Warmup => "W",
                SetType.Drop => "D",
                SetType.Failure => "F",
                _ => (workingSets[set.ExerciseId] = workingSets.GetValueOrDefault(set.ExerciseId) + 1).ToString(CultureInfo.InvariantCulture),
            };
            var duration = (session.FinishedAt ?? session.StartedAt) - session.StartedAt;
            csv.WriteField(TimeZoneInfo.ConvertTime(session.StartedAt, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            csv.WriteField(session.PlanDayNumber is { } day ? $"Day {day}" : "Workout");
            csv.WriteField(names.GetValueOrDefault(set.ExerciseId, set.ExerciseId));
            csv.WriteField(order);
            csv.WriteField(decimal.Round(WeightConversion.Convert(set.LoadKg, WeightUnit.Kg, unit), 3).ToString("0.###", CultureInfo.InvariantCulture));
            csv.WriteField(unit == WeightUnit.Kg ? "kg" : "lb");
            csv.WriteField(set.Reps.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(set.Rpe?.ToString("0.#", CultureInfo.InvariantCulture) ?? "");
            csv.WriteField("");
            csv.WriteField("");
            csv.WriteField("0");
            csv.WriteField(set.Note ?? "");
            csv.WriteField(session.Note ?? "");
            csv.WriteField($"{(int)duration.TotalHours}h {duration.Minutes}m");
            await csv.NextRecordAsync();
        }

        return Results.Empty;
    }

    private static async Task<IResult> AccountAsync(HttpContext context, CurrentUser current, IDbContextFactory<WorkoutDb> dbFactory, TrainingHistory history, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(context.User, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profile = await db.AthleteProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == user.Id, ct);
        var progress = await db.ExerciseProgress.AsNoTracking().Where(p => p.AthleteId == user.Id)
            .Select(p => new { p.ExerciseId, p.UpdatedAt, p.State }).ToListAsync(ct);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.AthleteId == user.Id).OrderBy(s => s.StartedAt).ToListAsync(ct);
        var sets = (await db.Sets.AsNoTracking().Where(s => s.AthleteId == user.Id).OrderBy(s => s.Order).ToListAsync(ct))
            .ToLookup(s => s.SessionId);
        var links = await db.CoachLinks.AsNoTracking().Where(l => l.AthleteId == user.Id || l.CoachId == user.Id).OrderBy(l => l.CreatedAt).ToListAsync(ct);
        var records = user.Role == Profiles.UserRole.Athlete ? await history.PersonalRecordsAsync(user.Id, null, ct) : [];
        var customExercises = await db.Exercises.AsNoTracking().Where(e => e.OwnerId == user.Id).OrderBy(e => e.Name).ToListAsync(ct);
        var exerciseNotes = await db.ExerciseNotes.AsNoTracking().Where(n => n.AthleteId == user.Id).OrderBy(n => n.ExerciseId)
            .Select(n => new { n.ExerciseId, n.Text, n.UpdatedAt }).ToListAsync(ct);
        var planEdits = await db.PlanEdits.AsNoTracking().Where(e => e.AthleteId == user.Id).OrderBy(e => e.WeekStart)
            .Select(e => new { e.WeekStart, e.Version, e.Edits, e.UpdatedAt, e.UpdatedBy }).ToListAsync(ct);
        var sessionIds = sessions.Select(s => s.Id).ToList();
        var sessionExercises = (await db.SessionExercises.AsNoTracking().Where(e => sessionIds.Contains(e.SessionId)).ToListAsync(ct)).ToLookup(e => e.SessionId);

        var document = new
        {
            format = "workouttracker-account/1",
            exportedAt = clock.GetUtcNow(),
            account = new { user.Id, user.DisplayName, user.Email, user.Role, user.CreatedAt },
            profile,
            progression = progress.Select(p => new { p.ExerciseId, p.UpdatedAt, state = JsonDocument.Parse(p.State).RootElement }),
            sessions = sessions.Select(s => new
            {
                s.Id,
                s.PlanDayNumber,
                s.StartedAt,
                s.FinishedAt,
                s.Note,
                exercises = sessionExercises[s.Id].OrderBy(e => e.Position).Select(e => new { e.ExerciseId, e.Added, e.SupersetGroup, e.Position }),
                sets = sets[s.Id].Select(x => new { x.Id, x.ExerciseId, x.Order, x.LoadKg, x.Reps, x.Rpe, x.RestSeconds, x.SetType, x.Note, x.PerformedAt }),
            }),
            customExercises = customExercises.Select(e => new { e.Id, e.Name, e.Pattern, e.Loading, e.IsCompound, e.PrimaryMuscles, e.SecondaryMuscles, e.Equipment }),
            exerciseNotes,
            planEdits = planEdits.Select(e => new { e.WeekStart, e.Version, edits = JsonDocument.Parse(e.Edits).RootElement, e.UpdatedAt, e.UpdatedBy }),
            personalRecords = records,
            coachLinks = links.Select(l => new { l.Id, l.CoachId, l.AthleteId, l.Status, l.CreatedAt, l.AcceptedAt, l.EndedAt }),
        };
        context.Response.Headers.ContentDisposition = "attachment; filename=\"workouttracker-account.json\"";
        return Results.Json(document, Json);
    }
}
