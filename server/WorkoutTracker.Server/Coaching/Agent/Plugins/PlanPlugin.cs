using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.SemanticKernel;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;

namespace WorkoutTracker.Server.Coaching.Agent.Plugins;

/// <summary>
/// The scoped athlete's weekly plan as they will train it (<see cref="WeeklyPlanService"/>): generated, with the
/// week's plan edits applied (swaps, skips, additions, targets, supersets), each exercise by its name (custom ones too).
/// </summary>
public sealed class PlanPlugin(CoachScope scope, CoachLedger ledger, WeeklyPlanService plans, ExerciseLookup exercises)
{
    public const string GetWeeklyPlanName = "get_weekly_plan";

    [KernelFunction(GetWeeklyPlanName)]
    [Description("The athlete's training plan for a week as they will train it, with their edits of the week applied: each day's exercises in order with their target sets (number of sets, rep range, load, RPE), which exercise a swapped one replaced, which were added, and supersets.")]
    public async Task<string> GetWeeklyPlanJsonAsync(
        [Description("Any date in the week, yyyy-MM-dd. Omit for this week.")] string? week = null,
        CancellationToken cancellationToken = default) =>
        PluginJson.Serialize(await GetWeeklyPlanAsync(PluginJson.Week(week, scope.Today), cancellationToken));

    public async Task<PlanSummary> GetWeeklyPlanAsync(DateOnly week, CancellationToken cancellationToken)
    {
        ledger.Called(GetWeeklyPlanName);
        var view = await plans.GetAsync(scope.AthleteId, week, cancellationToken);
        var plan = view.Plan;
        var ids = plan.Days.SelectMany(d => d.Exercises).SelectMany(e => new[] { e.ExerciseId, e.SwappedFromExerciseId }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var names = await exercises.ByIdsAsync(ids, cancellationToken);
        string Name(string id) => names.TryGetValue(id, out var exercise) ? exercise.Name : id;
        var unit = plan.Unit.ToString();
        var summary = new PlanSummary(
            PluginJson.Date(plan.WeekStart),
            unit.ToLowerInvariant(),
            plan.IsDeloadWeek,
            view.EditCount > 0,
            [.. plan.Days.Select(day => new PlanDaySummary(day.DayNumber, day.Name, [.. day.Exercises.Select(e =>
            {
                var target = e.TargetSets[0];
                return new PlanExerciseSummary(
                    $"{PluginJson.Date(plan.WeekStart)}:day{day.DayNumber}:{e.ExerciseId}", unit,
                    e.ExerciseId, Name(e.ExerciseId), e.Role.ToString(), e.Scheme.Kind.ToString(),
                    e.TargetSets.Count, target.RepsMin, target.RepsMax, target.Load, target.Rpe)
                {
                    InsteadOf = e.SwappedFromExerciseId is { } from ? Name(from) : null,
                    Added = e.Added ? true : null,
                    Superset = e.SupersetGroup,
                };
            })]))]);
        ledger.Record(summary.Days.SelectMany(d => d.Exercises).SelectMany(e => e.Citations));
        return summary;
    }
}

/// <summary>A week's plan; <see cref="Edited"/> when the athlete (or their coach) changed it from the generated one.</summary>
public sealed record PlanSummary(string WeekStart, string Unit, bool IsDeloadWeek, bool Edited, IReadOnlyList<PlanDaySummary> Days);

public sealed record PlanDaySummary(int Day, string Name, IReadOnlyList<PlanExerciseSummary> Exercises);

/// <summary>
/// A planned exercise; every target set of it has the same reps, load and RPE. <see cref="InsteadOf"/> names the
/// generated exercise a swap replaced, <see cref="Added"/> marks one an edit added, <see cref="Superset"/> its group.
/// </summary>
public sealed record PlanExerciseSummary(
    [property: JsonIgnore] string CitationRef,
    [property: JsonIgnore] string UnitName,
    string ExerciseId,
    string Name,
    string Role,
    string Scheme,
    int Sets,
    int RepsMin,
    int RepsMax,
    decimal Load,
    decimal? Rpe)
{
    public string? InsteadOf { get; init; }

    public bool? Added { get; init; }

    public string? Superset { get; init; }

    [JsonIgnore]
    public Citation SetsCitation => new(CitationKind.Plan, $"{CitationRef}:sets", Sets);

    [JsonIgnore]
    public Citation RepsMinCitation => new(CitationKind.Plan, $"{CitationRef}:repsMin", RepsMin);

    [JsonIgnore]
    public Citation RepsMaxCitation => new(CitationKind.Plan, $"{CitationRef}:repsMax", RepsMax);

    [JsonIgnore]
    public Citation LoadCitation => new(CitationKind.Plan, $"{CitationRef}:load{UnitName}", Load);

    [JsonIgnore]
    public Citation? RpeCitation => Rpe is { } rpe ? new(CitationKind.Plan, $"{CitationRef}:rpe", rpe) : null;

    [JsonIgnore]
    public IEnumerable<Citation> Citations =>
        new[] { SetsCitation, RepsMinCitation, RepsMaxCitation, LoadCitation, RpeCitation }.OfType<Citation>();
}
