using WorkoutTracker.Server.Coaching.Agent.Plugins;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;

namespace WorkoutTracker.Server.Coaching.Agent.Offline;

/// <summary>One offline answer in the making: the question read, the tools, the exercises the athlete can use (the catalog and their own) and the text so far, with the pieces several answers share.</summary>
internal sealed record AnswerContext(
    CoachScope Scope, CoachQuestion Question, CoachPlugins Tools, AnswerBuilder Answer, IReadOnlyList<Exercise> Catalog, Exercise? Exercise, CancellationToken Ct)
{
    /// <summary>What the progression engine prescribes next for <paramref name="exercise"/>, said after <paramref name="lead"/>.</summary>
    public async Task<ProgressionSummary> PrescriptionAsync(Exercise exercise, string lead)
    {
        var a = Answer;
        var p = await Tools.Progression.GetProgressionAsync(exercise.Id, Ct);
        var next = p.Next;
        a.Say($"{lead} {a.N(next.SetsCitation)} × {a.Reps(next.RepsMinCitation, next.RepsMaxCitation)} at {a.Load(next.LoadCitation)}{a.Rpe(next.RpeCitation)}.");
        return p;
    }

    /// <summary>The work sets of the last session that had <paramref name="exercise"/>.</summary>
    public async Task LastSetsAsync(Exercise exercise, string lead)
    {
        var sessions = await Tools.History.GetRecentSessionsAsync(HistoryPlugin.MaxSessions, Ct);
        var last = sessions
            .Select(s => (Session: s, Sets: s.Exercises.FirstOrDefault(e => e.ExerciseId == exercise.Id)))
            .FirstOrDefault(x => x.Sets is not null);
        if (last.Sets is not null)
        {
            Answer.Say($"{lead} {SetList(last.Sets.Sets)} on {last.Session.Date}.");
        }
    }

    public void SayExercises(PlanDaySummary day, int count)
    {
        var a = Answer;
        a.Say(string.Join("; ", day.Exercises.Take(count).Select(e =>
            $"{e.Name}{(e.InsteadOf is { } from ? $" (instead of {from})" : "")} {a.N(e.SetsCitation)} × {a.Reps(e.RepsMinCitation, e.RepsMaxCitation)} at {a.Load(e.LoadCitation)}{a.Rpe(e.RpeCitation)}")) + ".");
    }

    public string SetList(IReadOnlyList<SetSummary> sets) =>
        string.Join(", ", sets.Select(s => $"{Answer.Kg(s.LoadCitation)} × {Answer.N(s.RepsCitation)}{(s.RpeCitation is { } rpe ? $" @ RPE {Answer.N(rpe)}" : "")}"));

    /// <summary>The main lifts of this week's plan, in plan order.</summary>
    public async Task<IReadOnlyList<string>> MainLiftsAsync()
    {
        var plan = await Tools.Plan.GetWeeklyPlanAsync(Scope.ThisWeek, Ct);
        return [.. plan.Days.SelectMany(d => d.Exercises).Where(e => e.Role == nameof(ExerciseRole.Main)).Select(e => e.ExerciseId).Distinct()];
    }

    /// <summary>The main lift with the longest failure streak (the first main lift when none fails).</summary>
    public async Task<Exercise?> MostFailingMainLiftAsync()
    {
        ProgressionSummary? worst = null;
        foreach (var id in await MainLiftsAsync())
        {
            var p = await Tools.Progression.GetProgressionAsync(id, Ct);
            if (worst is null || p.State.ConsecutiveFailures > worst.State.ConsecutiveFailures)
            {
                worst = p;
            }
        }

        return worst is null ? null : Catalog.FirstOrDefault(e => e.Id == worst.ExerciseId);
    }

    public async Task<Exercise?> LastTrainedExerciseAsync()
    {
        var sessions = await Tools.History.GetRecentSessionsAsync(1, Ct);
        var id = sessions.SelectMany(s => s.Exercises).LastOrDefault()?.ExerciseId;
        return id is null ? null : Catalog.FirstOrDefault(e => e.Id == id);
    }

    /// <summary>FrontDelts → "front delts".</summary>
    public static string Words<TEnum>(TEnum value)
        where TEnum : struct, Enum => PluginJson.Constant(value).Replace('_', ' ').ToLowerInvariant();

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}",
    };
}
