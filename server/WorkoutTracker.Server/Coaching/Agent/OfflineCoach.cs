using WorkoutTracker.Server.Coaching.Agent.Plugins;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;

namespace WorkoutTracker.Server.Coaching.Agent;

/// <summary>
/// The coach without a model: deterministic, from the same plugin functions the model calls. The
/// question's intent and the exercise, muscles or equipment it names come from keywords
/// (<see cref="CoachQuestion"/>); each intent has a template filled with the athlete's numbers, every
/// number cited. Same data, same question → same answer.
/// </summary>
public sealed class OfflineCoach(ExerciseCatalogCache catalog)
{
    /// <summary>About this many hard sets a week per muscle is a common target for growth.</summary>
    private const decimal WeeklyHardSetsTarget = 10m;

    public async Task<CoachReply> AnswerAsync(CoachScope scope, string question, CoachPlugins tools, CoachLedger ledger, int maxLength, CancellationToken ct)
    {
        var read = CoachQuestion.Read(question);
        var all = await catalog.AllAsync();
        var trained = await tools.Progression.TrainedExerciseIdsAsync(ct);
        var exercise = read.NamedExercise(all, trained);
        var answer = new AnswerBuilder(maxLength);
        var context = new Context(scope, read, tools, answer, all, exercise, ct);
        await (read.Intent switch
        {
            CoachIntent.Swap => SwapAsync(context),
            CoachIntent.Stall => StallAsync(context),
            CoachIntent.Fatigue => FatigueAsync(context),
            CoachIntent.NextLoad => NextLoadAsync(context),
            CoachIntent.NextWeek => NextWeekAsync(context),
            CoachIntent.Records => RecordsAsync(context),
            CoachIntent.Trend => TrendAsync(context),
            CoachIntent.Volume => VolumeAsync(context),
            CoachIntent.Recent => RecentAsync(context),
            CoachIntent.Plan => PlanAsync(context, scope.ThisWeek, "This week"),
            _ => OverviewAsync(context),
        });

        if (answer.Text.Length == 0)
        {
            answer.Say("I have no training logged for this athlete yet; log a few sessions and ask again.");
        }

        return new CoachReply(answer.Text, answer.Citations, ledger.ToolCalls, CoachSource.Offline);
    }

    private sealed record Context(
        CoachScope Scope, CoachQuestion Question, CoachPlugins Tools, AnswerBuilder Answer, IReadOnlyList<Exercise> Catalog, Exercise? Exercise, CancellationToken Ct)
    {
        public string Unit => Scope.Profile.Units.ToString().ToLowerInvariant();
    }

    /// <summary>Why a lift stalls: its e1RM trend, its last sets, the failure streak and what comes next.</summary>
    private static async Task StallAsync(Context c)
    {
        var exercise = c.Exercise ?? await MostFailingMainLiftAsync(c);
        if (exercise is null)
        {
            return;
        }

        var a = c.Answer;
        var trend = await c.Tools.History.GetE1rmTrendAsync(exercise.Id, c.Ct);
        if (trend.Points.Count == 0)
        {
            a.Say($"You have not logged {exercise.Name} yet, so nothing is stalling there.");
            await PrescriptionAsync(c, exercise, "Your first session prescribes");
            return;
        }

        var points = trend.Points;
        var best = points.MaxBy(p => p.E1rmKg)!;
        var last = points[^1];
        var recent = points.TakeLast(4).ToList();
        if (points.Count >= 2 && last.E1rmKg <= best.E1rmKg && !ReferenceEquals(last, best))
        {
            a.Say($"{exercise.Name} has stalled: your best e1RM is {a.N(best.E1rmCitation)} kg ({a.N(best.LoadCitation)} kg × {a.N(best.RepsCitation)} on {best.Date}) and your last session reached {a.N(last.E1rmCitation)} kg on {last.Date}.");
        }
        else
        {
            a.Say($"Your {exercise.Name} e1RM went from {a.N(recent[0].E1rmCitation)} kg on {recent[0].Date} to {a.N(last.E1rmCitation)} kg on {last.Date}.");
        }

        await LastSetsAsync(c, exercise, "Last time you did");
        var progression = await c.Tools.Progression.GetProgressionAsync(exercise.Id, c.Ct);
        var state = progression.State;
        if (state.ConsecutiveFailures > 0)
        {
            a.Say($"The {progression.Scheme.Kind} progression counts {a.N(state.FailuresCitation)} failed session(s) in a row at {a.N(state.LoadCitation)} {c.Unit}: the load has outrun your strength on this lift for now.");
            a.Say(progression.Scheme.Decrease is { } decrease
                ? $"The scheme takes weight off when the misses continue ({decrease}), and you build back up from there."
                : "Hold the load until the reps come back.");
        }
        else
        {
            a.Say($"Your last session of it met its targets, so the progression is still moving: {a.N(state.LoadCitation)} {c.Unit} next.");
        }

        await PrescriptionAsync(c, exercise, "Next session the engine prescribes");
        a.Say("Stop the sets around the target RPE instead of grinding, keep the rest at 3–5 minutes, and look after sleep and food; a stalled lift usually moves again after a lighter week.");
    }

    /// <summary>Alternatives for an exercise whose equipment is taken, and where to start.</summary>
    private static async Task SwapAsync(Context c)
    {
        var exercise = c.Exercise ?? await LastTrainedExerciseAsync(c);
        if (exercise is null)
        {
            c.Answer.Say("Tell me which exercise you want to replace and what equipment is taken.");
            return;
        }

        var a = c.Answer;
        var taken = c.Question.NamedEquipment().Where(exercise.Equipment.Contains).ToList();
        var swaps = await c.Tools.Catalog.SuggestSwapsAsync(exercise.Id, taken, c.Ct);
        var missing = taken.Count > 0 ? string.Join(" and ", taken.Select(Words)) : "its equipment";
        if (swaps.Count == 0)
        {
            a.Say($"Nothing in the catalog trains the same muscle as {exercise.Name} without {missing} with your equipment; wait for it or move to the next exercise.");
            return;
        }

        var muscle = Words(exercise.PrimaryMuscles[0]);
        a.Say($"Without {missing}, instead of {exercise.Name} you can do {string.Join(", ", swaps.Take(3).Select(s => s.Name))}: each trains your {muscle} with the equipment you have.");
        await PrescriptionAsync(c, exercise, $"You were due on {exercise.Name}");
        var first = await c.Tools.Progression.GetProgressionAsync(swaps[0].Id, c.Ct);
        if (!first.FreshStart)
        {
            a.Say($"On {first.Name} your progression is at {a.N(first.Next.SetsCitation)} × {a.Reps(first.Next.RepsMinCitation, first.Next.RepsMaxCitation)} with {a.N(first.Next.LoadCitation)} {c.Unit}.");
        }
        else
        {
            a.Say($"You have not done {first.Name} before: start light and stop two reps short of failure.");
        }
    }

    /// <summary>Whether to back off: failure streaks of the main lifts and how hard the last sets were.</summary>
    private static async Task FatigueAsync(Context c)
    {
        var a = c.Answer;
        var mains = await MainLiftsAsync(c);
        var failing = new List<ProgressionSummary>();
        var fine = new List<ProgressionSummary>();
        foreach (var id in mains)
        {
            var p = await c.Tools.Progression.GetProgressionAsync(id, c.Ct);
            (p.State.ConsecutiveFailures > 0 ? failing : fine).Add(p);
        }

        var sessions = await c.Tools.History.GetRecentSessionsAsync(3, c.Ct);
        var sets = sessions.SelectMany(s => s.Exercises).SelectMany(e => e.Sets).ToList();
        var maxed = sets.Where(s => s.Rpe >= 9.5m).ToList();
        foreach (var p in failing)
        {
            a.Say($"{p.Name} has failed {a.N(p.State.FailuresCitation)} session(s) in a row at {a.N(p.State.LoadCitation)} {c.Unit}.");
        }

        if (fine.Count > 0)
        {
            a.Say($"{string.Join(", ", fine.Take(3).Select(p => $"{p.Name} ({a.N(p.State.LoadCitation)} {c.Unit} next)"))} are still progressing.");
        }

        if (maxed.Count > 0)
        {
            a.Say($"{maxed.Count} of the {sets.Count} work sets of your last {sessions.Count} sessions ended at RPE {a.N(maxed[0].RpeCitation!)} or close to it.");
        }

        a.Say(failing.Count >= 2
            ? "Several lifts are failing: take a deload week (about 10 % lighter, same sets) before pushing again."
            : failing.Count == 1
                ? $"No full deload needed: back off {failing[0].Name} only and keep the rest of the plan."
                : "Nothing points to a deload: keep following the plan.");
    }

    /// <summary>What to lift next: an exercise's prescription, or the next plan day.</summary>
    private static async Task NextLoadAsync(Context c)
    {
        if (c.Exercise is { } exercise)
        {
            var p = await PrescriptionAsync(c, exercise, $"Next {exercise.Name}:");
            if (p.State.ConsecutiveFailures > 0)
            {
                c.Answer.Say($"That load has failed {c.Answer.N(p.State.FailuresCitation)} session(s) in a row, so stop each set around the target RPE.");
            }

            return;
        }

        var sessions = await c.Tools.History.GetRecentSessionsAsync(HistoryPlugin.MaxSessions, c.Ct);
        var doneThisWeek = sessions.Count(s => string.CompareOrdinal(s.Date, PluginJson.Date(c.Scope.ThisWeek)) >= 0);
        var plan = await c.Tools.Plan.GetWeeklyPlanAsync(c.Scope.ThisWeek, c.Ct);
        var day = plan.Days.FirstOrDefault(d => d.Day == doneThisWeek + 1);
        if (day is null)
        {
            plan = await c.Tools.Plan.GetWeeklyPlanAsync(c.Scope.ThisWeek.AddDays(7), c.Ct);
            day = plan.Days[0];
        }

        c.Answer.Say($"Your next session is day {day.Day} ({day.Name}) of the week of {plan.WeekStart}.");
        SayExercises(c, day, 4);
    }

    /// <summary>Next week: the main lifts' targets, what is failing, and the muscles last week left short.</summary>
    private static async Task NextWeekAsync(Context c)
    {
        var a = c.Answer;
        var next = await c.Tools.Plan.GetWeeklyPlanAsync(c.Scope.ThisWeek.AddDays(7), c.Ct);
        var mains = next.Days.SelectMany(d => d.Exercises).Where(e => e.Role == nameof(ExerciseRole.Main)).ToList();
        a.Say($"Next week ({next.WeekStart}) has {next.Days.Count} training days; the main lifts are {string.Join(", ", mains.Take(5).Select(e => $"{e.Name} {a.N(e.SetsCitation)} × {a.Reps(e.RepsMinCitation, e.RepsMaxCitation)} at {a.N(e.LoadCitation)} {c.Unit}"))}.");

        var failing = new List<ProgressionSummary>();
        foreach (var id in mains.Select(e => e.ExerciseId).Distinct())
        {
            var p = await c.Tools.Progression.GetProgressionAsync(id, c.Ct);
            if (p.State.ConsecutiveFailures > 0)
            {
                failing.Add(p);
            }
        }

        foreach (var p in failing)
        {
            a.Say($"Change one thing on {p.Name}: it failed {a.N(p.State.FailuresCitation)} session(s) in a row at {a.N(p.State.LoadCitation)} {c.Unit}, so keep every set at or under RPE {Citation.Format(p.Scheme.TargetRpe ?? 8m)}, add a minute of rest, and let the scheme lower the load if it misses again.");
        }

        if (failing.Count == 0)
        {
            a.Say("Nothing is stalling: keep the plan as it is.");
        }

        var lastWeek = await c.Tools.BodyMap.GetBodyMapAsync(c.Scope.ThisWeek.AddDays(-7), c.Ct);
        var low = lastWeek.Trained.Where(m => m.HardSets < WeeklyHardSetsTarget / 2).OrderBy(m => m.HardSets).Take(3).ToList();
        if (low.Count > 0)
        {
            a.Say($"Last week {string.Join(", ", low.Select(m => $"{Words(m.Muscle)} got {a.N(m.HardSetsCitation)} hard sets"))}; an extra set or two there would help.");
        }

        if (lastWeek.Untrained.Count > 0 && lastWeek.Trained.Count > 0)
        {
            a.Say($"{string.Join(", ", lastWeek.Untrained.Take(4).Select(m => $"{Words(m.Muscle)} ({a.N(m.HardSetsCitation)})"))} got no hard sets at all.");
        }
    }

    /// <summary>Personal records: of the exercise named, or the best e1RMs overall.</summary>
    private static async Task RecordsAsync(Context c)
    {
        var a = c.Answer;
        var records = await c.Tools.History.GetPersonalRecordsAsync(c.Exercise?.Id, c.Ct);
        if (c.Exercise is { } exercise)
        {
            if (records.Count == 0)
            {
                a.Say($"You have not logged {exercise.Name} yet, so there are no records on it.");
                return;
            }

            var r = records[0];
            a.Say($"Your {r.Name} records: best e1RM {a.N(r.BestE1rm.E1rmCitation)} kg ({a.N(r.BestE1rm.LoadCitation)} kg × {a.N(r.BestE1rm.RepsCitation)} on {r.BestE1rm.Date}).");
            a.Say($"Heaviest: {a.N(r.HeaviestLoad.LoadCitation)} kg × {a.N(r.HeaviestLoad.RepsCitation)} on {r.HeaviestLoad.Date}; most reps: {a.N(r.MostReps.RepsCitation)} at {a.N(r.MostReps.LoadCitation)} kg.");
            return;
        }

        var top = records.OrderByDescending(r => r.BestE1rm.E1rmKg).Take(4).ToList();
        if (top.Count == 0)
        {
            return;
        }

        a.Say($"Your best e1RMs: {string.Join("; ", top.Select(r => $"{r.Name} {a.N(r.BestE1rm.E1rmCitation)} kg ({a.N(r.BestE1rm.LoadCitation)} kg × {a.N(r.BestE1rm.RepsCitation)} on {r.BestE1rm.Date})"))}.");
        a.Say($"Heaviest loads: {string.Join("; ", top.Select(r => $"{r.Name} {a.N(r.HeaviestLoad.LoadCitation)} kg"))}.");
    }

    /// <summary>e1RM trends: of the exercise named, or of the main lifts.</summary>
    private static async Task TrendAsync(Context c)
    {
        var ids = c.Exercise is { } exercise ? [exercise.Id] : (await MainLiftsAsync(c)).Take(3).ToList();
        foreach (var id in ids)
        {
            var trend = await c.Tools.History.GetE1rmTrendAsync(id, c.Ct);
            var a = c.Answer;
            if (trend.Points.Count == 0)
            {
                a.Say($"You have not logged {trend.Name} yet.");
                continue;
            }

            var first = trend.Points[0];
            var last = trend.Points[^1];
            var best = trend.Points.MaxBy(p => p.E1rmKg)!;
            var direction = last.E1rmKg > first.E1rmKg ? "up" : last.E1rmKg < first.E1rmKg ? "down" : "flat";
            a.Say($"{trend.Name}: e1RM {a.N(first.E1rmCitation)} kg on {first.Date} → {a.N(last.E1rmCitation)} kg on {last.Date} over {trend.Points.Count} sessions ({direction}), best {a.N(best.E1rmCitation)} kg on {best.Date}.");
        }
    }

    /// <summary>Volume per muscle: this week (or last week, asked or when nothing is logged yet).</summary>
    private static async Task VolumeAsync(Context c)
    {
        var a = c.Answer;
        var lastWeek = c.Question.AsksAboutLastWeek;
        var map = await c.Tools.BodyMap.GetBodyMapAsync(lastWeek ? c.Scope.ThisWeek.AddDays(-7) : c.Scope.ThisWeek, c.Ct);
        if (!lastWeek && map.Trained.Count == 0)
        {
            a.Say("Nothing is logged this week yet, so here is last week.");
            map = await c.Tools.BodyMap.GetBodyMapAsync(c.Scope.ThisWeek.AddDays(-7), c.Ct);
        }

        var muscles = c.Question.NamedMuscles();
        if (muscles.Count > 0)
        {
            var asked = map.Trained.Where(m => muscles.Contains(m.Muscle)).ToList();
            var none = map.Untrained.Where(m => muscles.Contains(m.Muscle)).ToList();
            if (asked.Count > 0)
            {
                a.Say($"Week of {map.WeekStart}: {string.Join("; ", asked.Select(m => $"{Words(m.Muscle)} {a.N(m.HardSetsCitation)} hard sets ({a.N(m.TotalRepsCitation)} reps)"))}.");
            }

            if (none.Count > 0)
            {
                a.Say($"{string.Join(", ", none.Select(m => $"{Words(m.Muscle)} {a.N(m.HardSetsCitation)}"))} hard sets that week.");
            }

            var lacking = asked.Where(m => m.HardSets < WeeklyHardSetsTarget).Select(m => Words(m.Muscle)).Concat(none.Select(m => Words(m.Muscle))).ToList();
            a.Say(lacking.Count > 0
                ? $"About {Citation.Format(WeeklyHardSetsTarget)} hard sets a week per muscle is a good target, so {string.Join(", ", lacking)} could use more."
                : "That is a solid amount of work for those muscles.");
            return;
        }

        var most = map.Trained.Take(4).ToList();
        if (most.Count > 0)
        {
            a.Say($"Week of {map.WeekStart}, most trained: {string.Join(", ", most.Select(m => $"{Words(m.Muscle)} {a.N(m.HardSetsCitation)} hard sets"))}.");
        }

        var least = map.Trained.Where(m => m.HardSets < WeeklyHardSetsTarget / 2).OrderBy(m => m.HardSets).Take(3).ToList();
        if (least.Count > 0)
        {
            a.Say($"Least: {string.Join(", ", least.Select(m => $"{Words(m.Muscle)} {a.N(m.HardSetsCitation)}"))}.");
        }

        if (map.Untrained.Count > 0 && map.Trained.Count > 0)
        {
            a.Say($"Not trained at all: {string.Join(", ", map.Untrained.Take(5).Select(m => Words(m.Muscle)))}.");
        }
    }

    /// <summary>The last session, exercise by exercise.</summary>
    private static async Task RecentAsync(Context c)
    {
        var a = c.Answer;
        var sessions = await c.Tools.History.GetRecentSessionsAsync(2, c.Ct);
        if (sessions.Count == 0)
        {
            return;
        }

        var last = sessions[0];
        a.Say($"Your last session was on {last.Date}{(last.PlanDay is { } day ? $" (plan day {day})" : "")}{(last.Finished ? "" : ", still open")}.");
        foreach (var exercise in last.Exercises.Take(5))
        {
            a.Say($"{exercise.Name}: {SetList(a, exercise.Sets)}.");
        }
    }

    /// <summary>The plan of a week, day by day.</summary>
    private static async Task PlanAsync(Context c, DateOnly week, string label)
    {
        var plan = await c.Tools.Plan.GetWeeklyPlanAsync(week, c.Ct);
        c.Answer.Say($"{label} ({plan.WeekStart}) you train {plan.Days.Count} days{(plan.IsDeloadWeek ? ", a deload week" : "")}.");
        foreach (var day in plan.Days)
        {
            c.Answer.Say($"Day {day.Day} ({day.Name}):");
            SayExercises(c, day, 3);
        }
    }

    /// <summary>Without a recognised question: the last session and the best lifts.</summary>
    private static async Task OverviewAsync(Context c)
    {
        await RecentAsync(c);
        var records = await c.Tools.History.GetPersonalRecordsAsync(null, c.Ct);
        var top = records.OrderByDescending(r => r.BestE1rm.E1rmKg).Take(3).ToList();
        var a = c.Answer;
        if (top.Count > 0)
        {
            a.Say($"Best e1RMs so far: {string.Join("; ", top.Select(r => $"{r.Name} {a.N(r.BestE1rm.E1rmCitation)} kg"))}.");
        }

        a.Say("Ask me why a lift stalls, what to change next week, your records, your volume per muscle, or what to lift next.");
    }

    private static async Task<ProgressionSummary> PrescriptionAsync(Context c, Exercise exercise, string lead)
    {
        var a = c.Answer;
        var p = await c.Tools.Progression.GetProgressionAsync(exercise.Id, c.Ct);
        var next = p.Next;
        a.Say($"{lead} {a.N(next.SetsCitation)} × {a.Reps(next.RepsMinCitation, next.RepsMaxCitation)} at {a.N(next.LoadCitation)} {c.Unit}{a.Rpe(next.RpeCitation)}.");
        return p;
    }

    private static async Task LastSetsAsync(Context c, Exercise exercise, string lead)
    {
        var sessions = await c.Tools.History.GetRecentSessionsAsync(HistoryPlugin.MaxSessions, c.Ct);
        var last = sessions
            .Select(s => (Session: s, Sets: s.Exercises.FirstOrDefault(e => e.ExerciseId == exercise.Id)))
            .FirstOrDefault(x => x.Sets is not null);
        if (last.Sets is not null)
        {
            c.Answer.Say($"{lead} {SetList(c.Answer, last.Sets.Sets)} on {last.Session.Date}.");
        }
    }

    private static void SayExercises(Context c, PlanDaySummary day, int count)
    {
        var a = c.Answer;
        a.Say(string.Join("; ", day.Exercises.Take(count).Select(e =>
            $"{e.Name} {a.N(e.SetsCitation)} × {a.Reps(e.RepsMinCitation, e.RepsMaxCitation)} at {a.N(e.LoadCitation)} {c.Unit}{a.Rpe(e.RpeCitation)}")) + ".");
    }

    private static string SetList(AnswerBuilder a, IReadOnlyList<SetSummary> sets) =>
        string.Join(", ", sets.Select(s => $"{a.N(s.LoadCitation)} kg × {a.N(s.RepsCitation)}{(s.RpeCitation is { } rpe ? $" @ {a.N(rpe)}" : "")}"));

    /// <summary>The main lifts of this week's plan, in plan order.</summary>
    private static async Task<IReadOnlyList<string>> MainLiftsAsync(Context c)
    {
        var plan = await c.Tools.Plan.GetWeeklyPlanAsync(c.Scope.ThisWeek, c.Ct);
        return [.. plan.Days.SelectMany(d => d.Exercises).Where(e => e.Role == nameof(ExerciseRole.Main)).Select(e => e.ExerciseId).Distinct()];
    }

    /// <summary>The main lift with the longest failure streak (the first main lift when none fails).</summary>
    private static async Task<Exercise?> MostFailingMainLiftAsync(Context c)
    {
        ProgressionSummary? worst = null;
        foreach (var id in await MainLiftsAsync(c))
        {
            var p = await c.Tools.Progression.GetProgressionAsync(id, c.Ct);
            if (worst is null || p.State.ConsecutiveFailures > worst.State.ConsecutiveFailures)
            {
                worst = p;
            }
        }

        return worst is null ? null : c.Catalog.Single(e => e.Id == worst.ExerciseId);
    }

    private static async Task<Exercise?> LastTrainedExerciseAsync(Context c)
    {
        var sessions = await c.Tools.History.GetRecentSessionsAsync(1, c.Ct);
        var id = sessions.SelectMany(s => s.Exercises).LastOrDefault()?.ExerciseId;
        return id is null ? null : c.Catalog.Single(e => e.Id == id);
    }

    /// <summary>FrontDelts → "front delts".</summary>
    private static string Words<TEnum>(TEnum value)
        where TEnum : struct, Enum => PluginJson.Constant(value).Replace('_', ' ').ToLowerInvariant();
}
