namespace WorkoutTracker.Server.Imports;

/// <summary>The apps whose exports we read.</summary>
public enum ImportFormat
{
    /// <summary>Strong's CSV export, with or without its unit columns.</summary>
    Strong,

    /// <summary>Hevy's CSV export (weights in kg or lb by its column name).</summary>
    Hevy,
}

/// <summary>How a set was meant, as the exporting app marks it.</summary>
public enum ImportedSetKind
{
    Working,
    Warmup,
    Drop,
    Failure,
}

/// <summary>
/// One set as a file states it, already converted to kilograms. <see cref="Occurrence"/> is its position
/// among the sets of the same exercise in the same workout, in file order: with the workout's key it is
/// what identifies the set across two exports of the same history.
/// </summary>
public sealed record ImportedSet(
    int Line,
    string ExerciseName,
    int Occurrence,
    ImportedSetKind Kind,
    decimal LoadKg,
    int Reps,
    decimal? Rpe,
    string? Note,
    string? SupersetId);

/// <summary>
/// One workout of the file. <see cref="Key"/> is how the file names it (its local start time as written
/// and its title), which two exports of the same workout share.
/// </summary>
public sealed record ImportedSession(
    string Key,
    string Name,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string? Notes,
    IReadOnlyList<ImportedSet> Sets);

/// <summary>
/// What a file holds: its workouts in file order, and the rows we read but do not keep (rest timers,
/// timed or distance-only sets, which this tracker does not log) with the reason.
/// </summary>
public sealed record ImportedHistory(
    ImportFormat Format,
    int RowsRead,
    IReadOnlyList<ImportedSession> Sessions,
    IReadOnlyDictionary<string, int> SkippedRows);

/// <summary>A file we cannot read as it is: <see cref="Line"/> and <see cref="Column"/> (1-based, the column's header in <see cref="ColumnName"/>) say where.</summary>
public sealed class ImportFileException(int line, int column, string? columnName, string problem)
    : Exception($"Line {line}, column {column}{(columnName is null ? "" : $" ({columnName})")}: {problem}")
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    public string? ColumnName { get; } = columnName;

    public string Problem { get; } = problem;
}
