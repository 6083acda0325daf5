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

namespace WorkoutTracker.Server.Exports;

/// <summary>
/// Everything of the signed-in user, to take elsewhere, streamed as it is read:
/// <list type="bullet">
/// <item><c>GET /exports/sets.csv?timeZone=…</c>: one row per set in Strong's layout with units
/// (<c>;</c>-separated; Date, Workout Name, Exercise Name, Set Order with W for warm-ups, Weight and Weight
/// Unit in the athlete's unit, Reps, RPE, …, Workout Duration), which Strong-reading apps (and our own
/// import) read back.</item>
/// <item><c>GET /exports/account.json</c>: the account, profile, progression, sessions with their sets,
/// personal records and coach links.</item>
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

            var order = set.IsWarmup ? "W" : (workingSets[set.ExerciseId] = workingSets.GetValueOrDefault(set.ExerciseId) + 1).ToString(CultureInfo.InvariantCulture);
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
            csv.WriteField("");
            csv.WriteField("");
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
                sets = sets[s.Id].Select(x => new { x.Id, x.ExerciseId, x.Order, x.LoadKg, x.Reps, x.Rpe, x.RestSeconds, x.IsWarmup, x.PerformedAt }),
            }),
            personalRecords = records,
            coachLinks = links.Select(l => new { l.Id, l.CoachId, l.AthleteId, l.Status, l.CreatedAt, l.AcceptedAt, l.EndedAt }),
        };
        context.Response.Headers.ContentDisposition = "attachment; filename=\"workouttracker-account.json\"";
        return Results.Json(document, Json);
    }
}
