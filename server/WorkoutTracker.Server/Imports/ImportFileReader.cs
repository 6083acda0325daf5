using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using WorkoutTracker.Server.Notes;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Imports;

/// <summary>How to read the parts of a file it does not state itself.</summary>
/// <param name="Unit">The unit of a Strong file without a "Weight Unit" column (the unit its app was set to).</param>
/// <param name="TimeZone">Where the workouts happened: exports write local wall-clock times without an offset.</param>
public sealed record ImportReadOptions(WeightUnit Unit, TimeZoneInfo TimeZone);

/// <summary>
/// Reads a Strong or Hevy CSV export into <see cref="ImportedHistory"/>, streaming (one row in memory at a
/// time, plus what it keeps). UTF-8 with or without a byte order mark; <c>,</c> or <c>;</c> as separator,
/// detected from the header. Every value is checked as it is read; the first that is wrong stops the read
/// with an <see cref="ImportFileException"/> naming its line and column, so nothing is written from a file
/// that fails. Rows that are not sets we keep (Strong's rest timers, timed or distance-only sets) are
/// counted in <see cref="ImportedHistory.SkippedRows"/> by reason.
/// </summary>
public static partial class ImportFileReader
{
    /// <summary>Rows beyond this are refused (a five-year Strong export is about 30,000).</summary>
    public const int MaxRows = 200_000;

    public const decimal MaxLoadKg = 1_000m;


    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd H:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd h:mm:ss tt", "yyyy-MM-dd h:mm tt",
        "d MMM yyyy, HH:mm", "d MMM yyyy, H:mm", "d MMM yyyy HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm",
    ];

    public static ImportedHistory Read(TextReader text, ImportReadOptions options)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";"],
            HasHeaderRecord = true,
            BadDataFound = null,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.None,
        };
        using var csv = new CsvReader(text, configuration);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
        {
            throw new ImportFileException(1, 1, null, "the file is empty: expected a Strong or Hevy CSV export with its header row.");
        }

        header = [.. header.Select(h => h.Trim().TrimStart('\uFEFF'))];
        var layout = ImportLayout.Recognise(header)
            ?? throw new ImportFileException(1, 1, null,
                $"not a Strong or Hevy export: the header has {string.Join(", ", header.Take(8).Select(h => $"\"{h}\""))}{(header.Length > 8 ? ", …" : "")}.");
        var row = new RowReader(csv, header, csv.Parser.Delimiter == ";");

        var sessions = new Dictionary<string, SessionBuilder>(StringComparer.Ordinal);
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = 0;
        var lastLine = csv.Parser.RawRow;
        while (csv.Read())
        {
            row.Line = lastLine + 1;
            lastLine = csv.Parser.RawRow;
            if (++rows > MaxRows)
            {
                throw new ImportFileException(row.Line, 1, null, $"the file has more than {MaxRows:N0} rows; export a shorter period.");
            }

            row.CheckWidth();
            ReadRow(row, layout, options, sessions, skipped);
        }

        return new ImportedHistory(layout.Format, rows, [.. sessions.Values.Where(s => s.HasSets).Select(s => s.Build())], skipped);
    }

    private static void ReadRow(RowReader row, ImportLayout layout, ImportReadOptions options, Dictionary<string, SessionBuilder> sessions, Dictionary<string, int> skipped)
    {
        var kind = layout.Format == ImportFormat.Strong ? StrongKind(row, layout) : HevyKind(row, layout);
        if (kind is null)
        {
            Count(skipped, "rest timer");
            return;
        }

        var dateText = row.Required(layout.Date);
        var name = row.Optional(layout.WorkoutName) ?? "";
        var key = $"{dateText}|{name}";
        if (!sessions.TryGetValue(key, out var session))
        {
            var startedAt = row.Date(layout.Date, options.TimeZone);
            var finishedAt = layout.End is { } end && row.Optional(end) is not null ? row.Date(end, options.TimeZone)
                : layout.Duration is { } duration ? startedAt + row.Duration(duration)
                : startedAt;
            if (finishedAt < startedAt)
            {
                throw row.Error(layout.End ?? layout.Duration!, "the workout ends before it starts.");
            }

            sessions[key] = session = new SessionBuilder(key, name, startedAt, finishedAt, row.Note(layout.WorkoutNotes, NoteRules.MaxSessionNote));
        }

        var exercise = row.Required(layout.ExerciseName);
        var reps = row.WholeNumber(layout.Reps, 0, 100);
        if (reps is null)
        {
            Count(skipped, "timed or distance set");
            return;
        }

        var unit = layout.WeightInPounds ? WeightUnit.Lb : layout.WeightUnit is { } unitColumn ? row.Unit(unitColumn) ?? options.Unit : options.Unit;
        var load = row.Decimal(layout.Weight, allowNegative: false) ?? 0m;
        var loadKg = decimal.Round(WeightConversion.Convert(load, unit, WeightUnit.Kg), 3);
        if (loadKg > MaxLoadKg)
        {
            throw row.Error(layout.Weight, $"{load} {unit.ToString().ToLowerInvariant()} is more than {MaxLoadKg} kg.");
        }

        var rpe = layout.Rpe is { } rpeColumn ? row.Decimal(rpeColumn, allowNegative: false) : null;
        if (rpe is { } r && (r < 1 || r > 10 || r * 2 != decimal.Truncate(r * 2)))
        {
            throw row.Error(layout.Rpe!, $"RPE {r} is not between 1 and 10 in halves.");
        }

        session.Add(exercise, kind.Value, loadKg, reps.Value, rpe, row.Note(layout.Notes, NoteRules.MaxSetNote), layout.SupersetId is { } s ? row.Optional(s) : null, row.Line);
    }

    /// <summary>Strong's "Set Order": a number for a working set, W, D or F for warm-up, drop and failure sets; null for a rest timer.</summary>
    private static ImportedSetKind? StrongKind(RowReader row, ImportLayout layout)
    {
        var order = row.Required(layout.SetOrder);
        return order.ToUpperInvariant() switch
        {
            "W" => ImportedSetKind.Warmup,
            "D" => ImportedSetKind.Drop,
            "F" => ImportedSetKind.Failure,
            "REST TIMER" => null,
            _ when int.TryParse(order, NumberStyles.None, CultureInfo.InvariantCulture, out _) => ImportedSetKind.Working,
            _ => throw row.Error(layout.SetOrder, $"\"{order}\" is not a set number, W, D, F or Rest Timer."),
        };
    }

    /// <summary>Hevy's "set_type": normal, warmup, dropset or failure (a file without the column has working sets only).</summary>
    private static ImportedSetKind? HevyKind(RowReader row, ImportLayout layout)
    {
        if (layout.SetType is null)
        {
            return ImportedSetKind.Working;
        }

        var type = row.Optional(layout.SetType) ?? "normal";
        return type.ToLowerInvariant() switch
        {
            "normal" => ImportedSetKind.Working,
            "warmup" => ImportedSetKind.Warmup,
            "dropset" => ImportedSetKind.Drop,
            "failure" => ImportedSetKind.Failure,
            _ => throw row.Error(layout.SetType, $"\"{type}\" is not normal, warmup, dropset or failure."),
        };
    }

    private static void Count(Dictionary<string, int> skipped, string reason) =>
        skipped[reason] = skipped.GetValueOrDefault(reason) + 1;

    [GeneratedRegex(@"^\s*(?:(?<h>\d+)\s*h)?\s*(?:(?<m>\d+)\s*min|(?<m>\d+)\s*m)?\s*(?:(?<s>\d+)\s*s)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationText();

    /// <summary>One row's fields by header name, with the checks every value goes through.</summary>
    private sealed class RowReader(CsvReader csv, string[] header, bool commaDecimals)
    {
        private readonly Dictionary<string, int> _columns = header.Select((name, index) => (name, index))
            .GroupBy(c => c.name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().index, StringComparer.Ordinal);

        public int Line { get; set; }

        public void CheckWidth()
        {
            var count = csv.Parser.Count;
            if (count != header.Length)
            {
                throw new ImportFileException(Line, Math.Min(count, header.Length) + 1, null,
                    $"expected {header.Length} columns as in the header, found {count}.");
            }
        }

        public string? Optional(string column)
        {
            var value = csv.GetField(_columns[column])?.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }

        public string Required(string column) => Optional(column) ?? throw Error(column, "is empty.");

        public string? Note(string? column, int max)
        {
            if (column is null || Optional(column) is not { } note)
            {
                return null;
            }

            return note.Length <= max ? note : throw Error(column, $"a note of {note.Length} characters is longer than {max}.");
        }

        public decimal? Decimal(string column, bool allowNegative)
        {
            if (Optional(column) is not { } text)
            {
                return null;
            }

            if (commaDecimals)
            {
                text = text.Replace(',', '.');
            }

            var style = NumberStyles.AllowDecimalPoint | (allowNegative ? NumberStyles.AllowLeadingSign : NumberStyles.None);
            return decimal.TryParse(text, style, CultureInfo.InvariantCulture, out var value) && value < 100_000m
                ? value
                : throw Error(column, $"\"{Shorten(text)}\" is not a {(allowNegative ? "" : "non-negative ")}number.");
        }

        public int? WholeNumber(string column, int min, int max)
        {
            if (Decimal(column, allowNegative: false) is not { } value)
            {
                return null;
            }

            return value == decimal.Truncate(value) && value >= min && value <= max
                ? (int)value
                : throw Error(column, $"{value} is not a whole number from {min} to {max}.");
        }

        public WeightUnit? Unit(string column) => Optional(column)?.ToLowerInvariant() switch
        {
            null => null,
            "kg" or "kgs" => WeightUnit.Kg,
            "lb" or "lbs" => WeightUnit.Lb,
            var other => throw Error(column, $"\"{Shorten(other)}\" is not kg or lb."),
        };

        public DateTimeOffset Date(string column, TimeZoneInfo zone)
        {
            var text = Required(column).Replace('\u202F', ' ').Replace('\u00A0', ' ');
            if (!DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
            {
                throw Error(column, $"\"{Shorten(text)}\" is not a date and time such as 2024-01-18 07:09:00 or 18 Jan 2024, 07:09.");
            }

            local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(local))
            {
                local = local.AddHours(1); // a wall-clock time skipped by a DST change: the clocks said the next hour
            }

            return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
        }

        public TimeSpan Duration(string column)
        {
            if (Optional(column) is not { } text)
            {
                return TimeSpan.Zero;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }

            var match = DurationText().Match(text);
            if (!match.Success || text.Trim().Length == 0)
            {
                throw Error(column, $"\"{Shorten(text)}\" is not a duration such as 1h 5m or 45m.");
            }

            int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
            var duration = new TimeSpan(Part("h"), Part("m"), Part("s"));
            return duration <= TimeSpan.FromHours(24) ? duration : throw Error(column, $"{text} is longer than a day.");
        }

        public ImportFileException Error(string column, string problem) =>
            new(Line, _columns[column] + 1, column, problem);

        private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
    }

    /// <summary>A workout as its rows arrive: sets numbered per exercise in file order.</summary>
    private sealed class SessionBuilder(string key, string name, DateTimeOffset startedAt, DateTimeOffset finishedAt, string? notes)
    {
        private readonly List<ImportedSet> _sets = [];
        private readonly Dictionary<string, int> _perExercise = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _exerciseNotes = new(StringComparer.OrdinalIgnoreCase);

        public bool HasSets => _sets.Count > 0;

        public void Add(string exercise, ImportedSetKind kind, decimal loadKg, int reps, decimal? rpe, string? note, string? supersetId, int line)
        {
            var occurrence = _perExercise[exercise] = _perExercise.GetValueOrDefault(exercise) + 1;
            // Both apps repeat the exercise's note on each of its rows: it is kept once, on the first set that has it.
            if (note is not null && _exerciseNotes.TryGetValue(exercise, out var earlier) && earlier == note)
            {
                note = null;
            }
            else if (note is not null)
            {
                _exerciseNotes[exercise] = note;
            }

            _sets.Add(new ImportedSet(line, exercise, occurrence, kind, loadKg, reps, rpe, note, supersetId));
        }

        public ImportedSession Build() => new(key, name, startedAt, finishedAt, notes, _sets);
    }
}
