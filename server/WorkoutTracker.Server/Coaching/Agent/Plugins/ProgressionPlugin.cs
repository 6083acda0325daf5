using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.SemanticKernel;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Progression.Schemes;

namespace WorkoutTracker.Server.Coaching.Agent.Plugins;

/// <summary>
/// Where the scoped athlete stands on an exercise and what the progression engine prescribes next:
/// <see cref="ProgressionEngine.Prescribe"/> on the stored <see cref="ExerciseProgress"/>, or on a fresh
/// start (default scheme, starting load) when the athlete has never trained it.
/// </summary>
public sealed class ProgressionPlugin(CoachScope scope, CoachLedger ledger, WeeklyPlanService plans, ExerciseLookup exercises)
{
    public const string GetProgressionName = "get_progression";

    [KernelFunction(GetProgressionName)]
    [Description("The progression of one exercise: its scheme (linear, double progression or RPE-based), the current state (load, rep target, successful and failed sessions in a row, last e1RM) and the next session's prescription (sets, reps, load, RPE).")]
    public async Task<string> GetProgressionJsonAsync(
        [Description("An exercise id: the catalog's, such as barbell-bench-press, or one of the athlete's own (custom-…).")] string exerciseId,
        CancellationToken cancellationToken = default) =>
        PluginJson.Serialize(await GetProgressionAsync(exerciseId, cancellationToken));

    /// <summary>The exercises the athlete has a progression on (to tell which "bench" they mean); not a tool, cites nothing.</summary>
    public async Task<IReadOnlySet<string>> TrainedExerciseIdsAsync(CancellationToken cancellationToken) =>
        (await plans.LoadProgressAsync(scope.AthleteId, cancellationToken)).Keys.ToHashSet(StringComparer.Ordinal);

    public async Task<ProgressionSummary> GetProgressionAsync(string exerciseId, CancellationToken cancellationToken)
    {
        ledger.Called(GetProgressionName);
        var exercise = await exercises.FindUsableAsync(scope.AthleteId, exerciseId.Trim(), cancellationToken)
            ?? throw new ArgumentException($"'{exerciseId}' is not an exercise id of the catalog or of the athlete.");
        var profile = scope.Profile;
        var setup = profile.LoadingSetup;
        var stored = await plans.LoadProgressAsync(scope.AthleteId, cancellationToken);
        var week = scope.ThisWeek;
        var plan = (await plans.GetAsync(scope.AthleteId, week, cancellationToken)).Plan;
        var planned = plan.Days.SelectMany(d => d.Exercises).FirstOrDefault(e => e.ExerciseId == exercise.Id);
        var role = planned?.Role ?? (exercise.IsCompound ? ExerciseRole.Secondary : ExerciseRole.Accessory);

        var started = !stored.TryGetValue(exercise.Id, out var progress);
        progress ??= ExerciseProgress.Start(exercise, DefaultSchemes.For(profile.Goal, profile.Experience, exercise, role), profile.Experience, profile.Units, setup);
        var current = ProgressionEngine.ConvertTo(progress, profile.Units, setup);
        var sets = planned?.TargetSets.Count ?? PlanVolume.SetsFor(role, profile.Experience);
        var deload = plan.IsDeloadWeek && profile.Deload is { } schedule ? schedule.LoadReductionPercent : 0m;
        var next = ProgressionEngine.Prescribe(current, sets, deload, setup)[0];
        var unit = profile.Units.ToString();

        var summary = new ProgressionSummary(
            exercise.Id,
            exercise.Name,
            unit.ToLowerInvariant(),
            started,
            Describe(current.Scheme),
            new ProgressState(exercise.Id, unit, current.Load, current.TargetReps, current.ConsecutiveSuccesses, current.ConsecutiveFailures, current.LastE1rm),
            new NextSession(exercise.Id, unit, sets, next.RepsMin, next.RepsMax, next.Load, next.Rpe));
        // A fresh start has no stored state to cite: only its prescription is the athlete's (what the engine gives them).
        ledger.Record(started ? summary.Next.Citations : summary.State.Citations.Concat(summary.Next.Citations));
        return summary;
    }

    private static SchemeSummary Describe(ProgressionScheme scheme)
    {
        var (min, max) = scheme.RepRange(scheme.StartingReps);
        return scheme switch
        {
            LinearProgression linear => new SchemeSummary(
                "linear", linear.Reps, linear.Reps, scheme.TargetRpe,
                $"{Change(linear.Increment)} after {linear.SuccessesToIncrease} successful session(s) in a row",
                linear.Decrement is { } down ? $"{Change(down)} off after {linear.FailuresToDecrease} failed sessions in a row" : null),
            DoubleProgression @double => new SchemeSummary(
                "double progression", @double.RepsMin, @double.RepsMax, scheme.TargetRpe,
                $"reps climb to {@double.RepsMax} on every set, then {Change(@double.Increment)} and back to {@double.RepsMin}",
                Deload(scheme)),
            RpeProgression rpe => new SchemeSummary(
                "rpe", rpe.Reps, rpe.Reps, scheme.TargetRpe,
                $"next load from the session's e1RM at {rpe.Reps} reps @ RPE {Citation.Format(rpe.TargetRpe ?? 8m)}",
                Deload(scheme)),
            _ => new SchemeSummary(scheme.Kind.ToString(), min, max, scheme.TargetRpe, "", Deload(scheme)),
        };

        static string? Deload(ProgressionScheme scheme) => scheme.Deload is { } rule
            ? string.Create(CultureInfo.InvariantCulture, $"{rule.ReductionPercent:0.##} % off after {rule.AfterFailures} failed sessions in a row")
            : null;
    }

    private static string Change(LoadChange change) => change.Kind switch
    {
        LoadChangeKind.Percent => string.Create(CultureInfo.InvariantCulture, $"{change.Amount:0.##} %"),
        LoadChangeKind.Steps => string.Create(CultureInfo.InvariantCulture, $"{change.Amount:0} loadable step(s)"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{change.Amount:0.##}"),
    };
}

public sealed record ProgressionSummary(
    string ExerciseId, string Name, string Unit, bool FreshStart, SchemeSummary Scheme, ProgressState State, NextSession Next);

/// <summary>A scheme in words: its reps, RPE, how the load goes up and when it comes down.</summary>
public sealed record SchemeSummary(string Kind, int RepsMin, int RepsMax, decimal? TargetRpe, string Increase, string? Decrease);

public sealed record ProgressState(
    [property: JsonIgnore] string ExerciseId,
    [property: JsonIgnore] string UnitName,
    decimal Load,
    int TargetReps,
    int ConsecutiveSuccesses,
    int ConsecutiveFailures,
    decimal? LastE1rm)
{
    [JsonIgnore]
    public Citation LoadCitation => new(CitationKind.Progress, $"{ExerciseId}:load{UnitName}", Load);

    [JsonIgnore]
    public Citation TargetRepsCitation => new(CitationKind.Progress, $"{ExerciseId}:targetReps", TargetReps);

    [JsonIgnore]
    public Citation SuccessesCitation => new(CitationKind.Progress, $"{ExerciseId}:consecutiveSuccesses", ConsecutiveSuccesses);

    [JsonIgnore]
    public Citation FailuresCitation => new(CitationKind.Progress, $"{ExerciseId}:consecutiveFailures", ConsecutiveFailures);

    [JsonIgnore]
    public Citation? LastE1rmCitation => LastE1rm is { } e1rm ? new(CitationKind.Progress, $"{ExerciseId}:lastE1rm{UnitName}", e1rm) : null;

    [JsonIgnore]
    public IEnumerable<Citation> Citations =>
        new[] { LoadCitation, TargetRepsCitation, SuccessesCitation, FailuresCitation, LastE1rmCitation }.OfType<Citation>();
}

/// <summary>The next session's work sets: all alike.</summary>
public sealed record NextSession(
    [property: JsonIgnore] string ExerciseId,
    [property: JsonIgnore] string UnitName,
    int Sets,
    int RepsMin,
    int RepsMax,
    decimal Load,
    decimal? Rpe)
{
    [JsonIgnore]
    public Citation SetsCitation => new(CitationKind.Prescription, $"{ExerciseId}:sets", Sets);

    [JsonIgnore]
    public Citation RepsMinCitation => new(CitationKind.Prescription, $"{ExerciseId}:repsMin", RepsMin);

    [JsonIgnore]
    public Citation RepsMaxCitation => new(CitationKind.Prescription, $"{ExerciseId}:repsMax", RepsMax);

    [JsonIgnore]
    public Citation LoadCitation => new(CitationKind.Prescription, $"{ExerciseId}:load{UnitName}", Load);

    [JsonIgnore]
    public Citation? RpeCitation => Rpe is { } rpe ? new(CitationKind.Prescription, $"{ExerciseId}:rpe", rpe) : null;

    [JsonIgnore]
    public IEnumerable<Citation> Citations =>
        new[] { SetsCitation, RepsMinCitation, RepsMaxCitation, LoadCitation, RpeCitation }.OfType<Citation>();
}
