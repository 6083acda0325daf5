using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Imports;

/// <summary>How many of a file's sessions or sets are new to the athlete and how many are already there.</summary>
public sealed record ImportCount(int Total, int New, int Existing);

/// <summary>What confirming an upload would write, and the exercise each name of the file is taken for.</summary>
public sealed record ImportPreview(
    int RowsRead,
    IReadOnlyDictionary<string, int> SkippedRows,
    ImportCount Sessions,
    ImportCount Sets,
    DateTimeOffset? From,
    DateTimeOffset? To,
    IReadOnlyList<ExerciseMatch> Exercises);

/// <summary>An upload as the athlete sees it.</summary>
public sealed record ImportView(
    Guid Id,
    ImportFormat Format,
    string FileName,
    ImportStatus Status,
    ImportPreview Preview,
    IReadOnlyDictionary<string, string?>? Matches,
    int SessionsWritten,
    int SetsWritten,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>The upload's file refused the import as a whole (as for a bad file, nothing is written).</summary>
public sealed class ImportConflictException(string message) : DomainException("IMPORT_CONFLICT", message);

/// <summary>
/// Uploading an export (read, matched and counted, nothing of the history written), and confirming it
/// with the athlete's choice of exercise for every name, which queues it for <see cref="ImportRunner"/>.
/// Only athletes import, each into their own history.
/// </summary>
public sealed class HistoryImports(IDbContextFactory<WorkoutDb> dbFactory, ExerciseLookup exercises, ImportSignal signal, TimeProvider clock)
{
    /// <summary>The largest file accepted (a five-year Strong export is about 4 MB).</summary>
    public const int MaxFileCharacters = 20 * 1024 * 1024;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<ImportView> UploadAsync(User athlete, string fileName, string content, WeightUnit? unit, string? timeZone, CancellationToken ct)
    {
        EnsureAthlete(athlete);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = unit ?? await db.AthleteProfiles.Where(p => p.UserId == athlete.Id).Select(p => (WeightUnit?)p.Units).SingleOrDefaultAsync(ct) ?? WeightUnit.Kg;
        var zoneId = string.IsNullOrWhiteSpace(timeZone) ? athlete.TimeZone : timeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            throw new ValidationException("timeZone", $"'{zoneId}' is not a known IANA time zone such as Europe/Berlin.");
        }

        var history = ImportFileReader.Read(new StringReader(content), new ImportReadOptions(units, zone));
        var preview = await PreviewAsync(db, athlete.Id, history, ct);
        var now = clock.GetUtcNow();
        var import = new HistoryImport
        {
            Id = Guid.CreateVersion7(now),
            AthleteId = athlete.Id,
            Format = history.Format,
            Unit = units,
            TimeZone = zoneId,
            FileName = string.IsNullOrWhiteSpace(fileName) ? $"{history.Format.ToString().ToLowerInvariant()}.csv" : fileName.Trim()[..Math.Min(fileName.Trim().Length, 255)],
            Content = content,
            Status = ImportStatus.Previewed,
            Preview = JsonSerializer.Serialize(preview, Json),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.HistoryImports.Add(import);
        await db.SaveChangesAsync(ct);
        return View(import);
    }

    public async Task<ImportView> FindAsync(User reader, Guid importId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var import = await db.HistoryImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == importId && i.AthleteId == reader.Id, ct)
            ?? throw new NotFoundException("Import", importId.ToString());
        return View(import);
    }

    /// <summary>
    /// Confirms an upload. <paramref name="choices"/> overrides the suggestion of any name (a catalog id, or
    /// null to leave that exercise's sets out); every name must end up with an exercise or be left out.
    /// Confirming again with the same choices answers the import as it is (a retried request); other
    /// choices once it is queued are IMPORT_CONFLICT.
    /// </summary>
    public async Task<ImportView> ConfirmAsync(User athlete, Guid importId, IReadOnlyDictionary<string, string?> choices, CancellationToken ct)
    {
        EnsureAthlete(athlete);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var import = await db.HistoryImports.SingleOrDefaultAsync(i => i.Id == importId && i.AthleteId == athlete.Id, ct)
            ?? throw new NotFoundException("Import", importId.ToString());
        var preview = JsonSerializer.Deserialize<ImportPreview>(import.Preview, Json)!;
        var matches = await ResolveAsync(athlete.Id, preview, choices, ct);
        var serialized = JsonSerializer.Serialize(matches, Json);

        if (import.Status != ImportStatus.Previewed)
        {
            var earlier = JsonSerializer.Deserialize<Dictionary<string, string?>>(import.Matches ?? "{}", Json)!;
            return earlier.Count == matches.Count && earlier.All(m => matches.TryGetValue(m.Key, out var id) && id == m.Value)
                ? View(import)
                : throw new ImportConflictException($"Import '{importId}' was already confirmed with other exercise choices; upload the file again to choose anew.");
        }

        import.Matches = serialized;
        import.Status = ImportStatus.Queued;
        import.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return View(import);
    }

    private async Task<Dictionary<string, string?>> ResolveAsync(Guid athleteId, ImportPreview preview, IReadOnlyDictionary<string, string?> choices, CancellationToken ct)
    {
        var names = preview.Exercises.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);
        var known = (await exercises.UsableAsync(athleteId, ct)).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, id) in choices)
        {
            if (!names.ContainsKey(name))
            {
                throw new ValidationException($"matches[\"{Shorten(name)}\"]", "the file has no exercise of this name.");
            }

            if (id is not null && !known.Contains(id))
            {
                throw new ValidationException($"matches[\"{Shorten(name)}\"]", $"'{Shorten(id)}' is neither a catalog exercise nor one of yours.");
            }
        }

        var resolved = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var exercise in preview.Exercises)
        {
            var choice = choices.FirstOrDefault(c => string.Equals(c.Key, exercise.Name, StringComparison.OrdinalIgnoreCase));
            if (choice.Key is null && exercise.ExerciseId is null)
            {
                throw new ValidationException($"matches[\"{Shorten(exercise.Name)}\"]", "no exercise matches this name: choose one, or null to leave its sets out.");
            }

            resolved[exercise.Name] = choice.Key is null ? exercise.ExerciseId : choice.Value;
        }

        return resolved;
    }

    /// <summary>Counts against what the athlete already has (see <see cref="ExistingSessions"/>) and suggests exercises (the catalog's and the athlete's own).</summary>
    private async Task<ImportPreview> PreviewAsync(WorkoutDb db, Guid athleteId, ImportedHistory history, CancellationToken ct)
    {
        var existing = await ExistingSessions.FindAsync(db, athleteId, history.Sessions, ct);
        var sets = history.Sessions.Sum(s => s.Sets.Count);
        var existingSets = history.Sessions.Where(existing.Contains).Sum(s => s.Sets.Count);
        return new ImportPreview(
            history.RowsRead,
            history.SkippedRows,
            new ImportCount(history.Sessions.Count, history.Sessions.Count - existing.Count, existing.Count),
            new ImportCount(sets, sets - existingSets, existingSets),
            history.Sessions.Count == 0 ? null : history.Sessions.Min(s => s.StartedAt),
            history.Sessions.Count == 0 ? null : history.Sessions.Max(s => s.StartedAt),
            ExerciseMatching.Suggest(history.Sessions.SelectMany(s => s.Sets), await exercises.UsableAsync(athleteId, ct)));
    }

    private static void EnsureAthlete(User user)
    {
        if (user.Role != UserRole.Athlete)
        {
            throw new ForbiddenException("Only athletes import training history, into their own account.");
        }
    }

    internal static ImportView View(HistoryImport import) => new(
        import.Id,
        import.Format,
        import.FileName,
        import.Status,
        JsonSerializer.Deserialize<ImportPreview>(import.Preview, Json)!,
        import.Matches is null ? null : JsonSerializer.Deserialize<Dictionary<string, string?>>(import.Matches, Json),
        import.SessionsWritten,
        import.SetsWritten,
        import.Error,
        import.CreatedAt,
        import.UpdatedAt);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}

/// <summary>
/// Which of a file's workouts the athlete already has: one whose derived id is stored (imported before),
/// or one starting in the same minute as a stored session (the same workout logged here, or exported from
/// here and imported back).
/// </summary>
internal static class ExistingSessions
{
    public static async Task<HashSet<ImportedSession>> FindAsync(WorkoutDb db, Guid athleteId, IReadOnlyList<ImportedSession> sessions, CancellationToken ct)
    {
        if (sessions.Count == 0)
        {
            return [];
        }

        var ids = sessions.Select(s => ImportIds.Session(athleteId, s)).ToList();
        var from = sessions.Min(s => s.StartedAt).AddMinutes(-1);
        var to = sessions.Max(s => s.StartedAt).AddMinutes(1);
        var stored = await db.Sessions.AsNoTracking()
            .Where(s => s.AthleteId == athleteId && (ids.Contains(s.Id) || (s.StartedAt >= from && s.StartedAt <= to)))
            .Select(s => new { s.Id, s.StartedAt })
            .ToListAsync(ct);
        var storedIds = stored.Select(s => s.Id).ToHashSet();
        var storedMinutes = stored.Select(s => Minute(s.StartedAt)).ToHashSet();
        return [.. sessions.Where(s => storedIds.Contains(ImportIds.Session(athleteId, s)) || storedMinutes.Contains(Minute(s.StartedAt)))];
    }

    private static long Minute(DateTimeOffset at) => at.ToUnixTimeSeconds() / 60;
}
