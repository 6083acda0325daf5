using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.SemanticKernel;
using WorkoutTracker.Server.Common.Calendar;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Coaching.Agent.Plugins;

/// <summary>
/// The scoped athlete's logged training: recent sessions, personal records and e1RM trends (<see cref="TrainingHistory"/>),
/// dated by the athlete's days in their time zone.
/// </summary>
public sealed class HistoryPlugin(CoachScope scope, CoachLedger ledger, IDbContextFactory<WorkoutDb> dbFactory, TrainingHistory history, ExerciseLookup exercises)
{
    public const string GetRecentSessionsName = "get_recent_sessions";
    public const string GetPersonalRecordsName = "get_personal_records";
    public const string GetE1rmTrendName = "get_e1rm_trend";
    public const int MaxSessions = 10;

    [KernelFunction(GetRecentSessionsName)]
    [Description("The athlete's most recent sessions, newest first, with the work sets of each exercise (load in kg, reps, RPE). Warm-ups are left out.")]
    public async Task<string> GetRecentSessionsJsonAsync(
        [Description("How many sessions, 1-10 (default 3).")] int count = 3,
        CancellationToken cancellationToken = default) =>
        PluginJson.Serialize(await GetRecentSessionsAsync(count, cancellationToken));

    [KernelFunction(GetPersonalRecordsName)]
    [Description("The athlete's personal records per exercise: heaviest load, most reps, best estimated 1RM (kg), each with the set and date.")]
    public async Task<string> GetPersonalRecordsJsonAsync(
        [Description("An exercise id: the catalog's, such as barbell-bench-press, or one of the athlete's own (custom-…); omit for every exercise trained.")] string? exerciseId = null,
        CancellationToken cancellationToken = default) =>
        PluginJson.Serialize(await GetPersonalRecordsAsync(exerciseId, cancellationToken));

    [KernelFunction(GetE1rmTrendName)]
    [Description("The best estimated 1RM (kg) of each training day for one exercise, oldest first: shows whether the lift is progressing or stalling.")]
    public async Task<string> GetE1rmTrendJsonAsync(
        [Description("An exercise id: the catalog's, such as barbell-bench-press, or one of the athlete's own (custom-…).")] string exerciseId,
        CancellationToken cancellationToken = default) =>
        PluginJson.Serialize(await GetE1rmTrendAsync(exerciseId, cancellationToken));

    public async Task<IReadOnlyList<SessionSummary>> GetRecentSessionsAsync(int count, CancellationToken cancellationToken)
    {
        ledger.Called(GetRecentSessionsName);
        count = Math.Clamp(count, 1, MaxSessions);
        var names = await NamesAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.AthleteId == scope.AthleteId)
            .OrderByDescending(s => s.StartedAt).ThenByDescending(s => s.Id)
            .Take(count)
            .ToListAsync(cancellationToken);
        var ids = sessions.Select(s => s.Id).ToList();
        var sets = (await db.Sets.AsNoTracking()
                .Where(s => s.AthleteId == scope.AthleteId && ids.Contains(s.SessionId) && !s.IsWarmup)
                .OrderBy(s => s.Order)
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.SessionId);

        var summaries = sessions.Select(session => new SessionSummary(
            PluginJson.Date(AthleteCalendar.DayOf(session.StartedAt, scope.Zone)),
            session.PlanDayNumber,
            session.IsFinished,
            [.. sets[session.Id]
                .GroupBy(s => s.ExerciseId)
                .Select(g => new ExerciseSets(g.Key, names.GetValueOrDefault(g.Key, g.Key), [.. g.Select(s => new SetSummary(s.Id, s.LoadKg, s.Reps, s.Rpe))]))]))
            .ToList();
        ledger.Record(summaries.SelectMany(s => s.Exercises).SelectMany(e => e.Sets).SelectMany(s => s.Citations));
        return summaries;
    }

    public async Task<IReadOnlyList<ExerciseRecords>> GetPersonalRecordsAsync(string? exerciseId, CancellationToken cancellationToken)
    {
        ledger.Called(GetPersonalRecordsName);
        var names = await NamesAsync();
        var id = string.IsNullOrWhiteSpace(exerciseId) ? null : exerciseId.Trim();
        var records = await history.PersonalRecordsAsync(scope.AthleteId, id, cancellationToken);
        var result = records
            .GroupBy(r => r.ExerciseId)
            .Select(g => new ExerciseRecords(
                g.Key,
                names.GetValueOrDefault(g.Key, g.Key),
                Record(g.Single(r => r.Kind == PersonalRecordKind.HeaviestLoad)),
                Record(g.Single(r => r.Kind == PersonalRecordKind.MostRepsAtLoad)),
                Record(g.Single(r => r.Kind == PersonalRecordKind.BestE1rm))))
            .ToList();
        ledger.Record(result.SelectMany(r => r.Citations));
        return result;
    }

    public async Task<E1rmTrend> GetE1rmTrendAsync(string exerciseId, CancellationToken cancellationToken)
    {
        ledger.Called(GetE1rmTrendName);
        var names = await NamesAsync();
        var id = exerciseId.Trim();
        if (!names.TryGetValue(id, out var name))
        {
            throw new ArgumentException($"'{exerciseId}' is not an exercise id of the catalog or of the athlete.");
        }

        var points = await history.E1rmHistoryAsync(scope.AthleteId, id, cancellationToken);
        var trend = new E1rmTrend(id, name, [.. points.Select(p => new E1rmTrendPoint(id, PluginJson.Date(p.Date), p.E1rmKg, p.LoadKg, p.Reps))]);
        ledger.Record(trend.Points.SelectMany(p => p.Citations));
        return trend;
    }

    private RecordSet Record(PersonalRecordView view) => new(
        $"{view.ExerciseId}:{PluginJson.Constant(view.Kind)}", view.LoadKg, view.Reps, view.E1rmKg, PluginJson.Date(AthleteCalendar.DayOf(view.AchievedAt, scope.Zone)));

    /// <summary>The names of the exercises the athlete can use: the catalog's and their own custom ones.</summary>
    private async Task<Dictionary<string, string>> NamesAsync() =>
        (await exercises.UsableAsync(scope.AthleteId)).ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
}

public sealed record SessionSummary(string Date, int? PlanDay, bool Finished, IReadOnlyList<ExerciseSets> Exercises);

public sealed record ExerciseSets(string ExerciseId, string Name, IReadOnlyList<SetSummary> Sets);

public sealed record SetSummary([property: JsonIgnore] Guid SetId, decimal LoadKg, int Reps, decimal? Rpe)
{
    [JsonIgnore]
    public Citation LoadCitation => new(CitationKind.Set, $"{SetId}:loadKg", LoadKg);

    [JsonIgnore]
    public Citation RepsCitation => new(CitationKind.Set, $"{SetId}:reps", Reps);

    [JsonIgnore]
    public Citation? RpeCitation => Rpe is { } rpe ? new(CitationKind.Set, $"{SetId}:rpe", rpe) : null;

    [JsonIgnore]
    public IEnumerable<Citation> Citations => new[] { LoadCitation, RepsCitation, RpeCitation }.OfType<Citation>();
}

public sealed record ExerciseRecords(string ExerciseId, string Name, RecordSet HeaviestLoad, RecordSet MostReps, RecordSet BestE1rm)
{
    [JsonIgnore]
    public IEnumerable<Citation> Citations => HeaviestLoad.Citations.Concat(MostReps.Citations).Concat(BestE1rm.Citations);
}

/// <summary>The set holding a record: its load (kg), reps, e1RM (kg) and the day.</summary>
public sealed record RecordSet([property: JsonIgnore] string CitationRef, decimal LoadKg, int Reps, decimal E1rmKg, string Date)
{
    [JsonIgnore]
    public Citation LoadCitation => new(CitationKind.PersonalRecord, $"{CitationRef}:loadKg", LoadKg);

    [JsonIgnore]
    public Citation RepsCitation => new(CitationKind.PersonalRecord, $"{CitationRef}:reps", Reps);

    [JsonIgnore]
    public Citation E1rmCitation => new(CitationKind.PersonalRecord, $"{CitationRef}:e1rmKg", E1rmKg);

    [JsonIgnore]
    public IEnumerable<Citation> Citations => [LoadCitation, RepsCitation, E1rmCitation];
}

public sealed record E1rmTrend(string ExerciseId, string Name, IReadOnlyList<E1rmTrendPoint> Points);

public sealed record E1rmTrendPoint([property: JsonIgnore] string ExerciseId, string Date, decimal E1rmKg, decimal LoadKg, int Reps)
{
    [JsonIgnore]
    public Citation E1rmCitation => new(CitationKind.E1rm, $"{ExerciseId}:{Date}:e1rmKg", E1rmKg);

    [JsonIgnore]
    public Citation LoadCitation => new(CitationKind.E1rm, $"{ExerciseId}:{Date}:loadKg", LoadKg);

    [JsonIgnore]
    public Citation RepsCitation => new(CitationKind.E1rm, $"{ExerciseId}:{Date}:reps", Reps);

    [JsonIgnore]
    public IEnumerable<Citation> Citations => [E1rmCitation, LoadCitation, RepsCitation];
}
