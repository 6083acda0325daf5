using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.SemanticKernel;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Exercises;

namespace WorkoutTracker.Server.Coaching.Agent.Plugins;

/// <summary>The scoped athlete's weekly volume per muscle (<see cref="BodyMapReads"/>).</summary>
public sealed class BodyMapPlugin(CoachScope scope, CoachLedger ledger, BodyMapReads bodyMaps)
{
    public const string GetBodyMapName = "get_body_map";

    [KernelFunction(GetBodyMapName)]
    [Description("The athlete's training volume per muscle group for one week: hard sets (primary muscle 1, secondary 0.5), reps and volume load (kg), the muscles left untrained, whether the week is complete or still in progress (this week: so far), and the hard sets per muscle a week that count as enough for the athlete's goal.")]
    public async Task<string> GetBodyMapJsonAsync(
        [Description("Any date in the week, yyyy-MM-dd. Omit for this week.")] string? week = null,
        CancellationToken cancellationToken = default) =>
        PluginJson.Serialize(await GetBodyMapAsync(PluginJson.Week(week, scope.Today), cancellationToken));

    public async Task<BodyMapSummary> GetBodyMapAsync(DateOnly week, CancellationToken cancellationToken)
    {
        ledger.Called(GetBodyMapName);
        var monday = BodyMapRules.WeekStartOf(week);
        var map = (await bodyMaps.LoadAsync([(scope.AthleteId, monday)], cancellationToken))[(scope.AthleteId, monday)];
        var date = PluginJson.Date(monday);
        var target = WeeklyVolumeTarget.For(scope.Profile.Goal, scope.Profile.Experience);
        var summary = new BodyMapSummary(
            date,
            monday.AddDays(7) <= scope.Today,
            new HardSetTarget(target.GoalWords, target.Min, target.Max) { Citations = [.. target.Citations] },
            [.. map.Muscles.Where(m => m.HardSets > 0 || m.TotalReps > 0)
                .OrderByDescending(m => m.HardSets).ThenBy(m => m.Muscle)
                .Select(m => new MuscleSummary(date, m.Muscle, m.HardSets, m.TotalReps, m.VolumeLoadKg))],
            [.. map.Muscles.Where(m => m.HardSets == 0 && m.TotalReps == 0).Select(m => new UntrainedMuscleSummary(date, m.Muscle))]);
        ledger.Record(summary.Trained.SelectMany(m => m.Citations).Concat(summary.Untrained.Select(m => m.HardSetsCitation)).Concat(summary.TargetPerMuscle.Citations));
        return summary;
    }
}

/// <summary>One week's volume; <see cref="Complete"/> is false for the week in progress (its numbers are so far).</summary>
public sealed record BodyMapSummary(
    string WeekStart, bool Complete, HardSetTarget TargetPerMuscle, IReadOnlyList<MuscleSummary> Trained, IReadOnlyList<UntrainedMuscleSummary> Untrained);

/// <summary>The hard sets per muscle a week that count as enough for the goal (<see cref="WeeklyVolumeTarget"/>).</summary>
public sealed record HardSetTarget(string Goal, decimal WeeklyHardSetsMin, decimal WeeklyHardSetsMax)
{
    [JsonIgnore]
    public IReadOnlyList<Citation> Citations { get; init; } = [];
}

public sealed record MuscleSummary([property: JsonIgnore] string WeekStart, MuscleGroup Muscle, decimal HardSets, decimal TotalReps, decimal VolumeLoadKg)
{
    [JsonIgnore]
    public string Name => PluginJson.Constant(Muscle);

    [JsonIgnore]
    public Citation HardSetsCitation => new(CitationKind.BodyMap, $"{WeekStart}:{Name}:hardSets", HardSets);

    [JsonIgnore]
    public Citation TotalRepsCitation => new(CitationKind.BodyMap, $"{WeekStart}:{Name}:totalReps", TotalReps);

    [JsonIgnore]
    public Citation VolumeCitation => new(CitationKind.BodyMap, $"{WeekStart}:{Name}:volumeLoadKg", VolumeLoadKg);

    [JsonIgnore]
    public IEnumerable<Citation> Citations => [HardSetsCitation, TotalRepsCitation, VolumeCitation];
}

/// <summary>A muscle with nothing logged that week (0 hard sets).</summary>
public sealed record UntrainedMuscleSummary([property: JsonIgnore] string WeekStart, MuscleGroup Muscle)
{
    [JsonIgnore]
    public Citation HardSetsCitation => new(CitationKind.BodyMap, $"{WeekStart}:{PluginJson.Constant(Muscle)}:hardSets", 0m);
}
