using WorkoutTracker.Server.Coaching.Agent.Plugins;
using WorkoutTracker.Server.Plans;

namespace WorkoutTracker.Server.Coaching.Agent.Offline;

/// <summary>Answers about the training week: fatigue, next week's changes, the last session, the plan and an overview.</summary>
internal static class WeekAnswers
{
    /// <summary>Whether to back off: failure streaks of the main lifts and how hard the last sets were.</summary>
    public static async Task FatigueAsync(AnswerContext c)
    {
        var a = c.Answer;
        var failing = new List<ProgressionSummary>();
        var fine = new List<ProgressionSummary>();
        foreach (var id in await c.MainLiftsAsync())
        {
            var p = await c.Tools.Progression.GetProgressionAsync(id, c.Ct);
            (p.State.ConsecutiveFailures > 0 ? failing : fine).Add(p);
        }

        var sessions = await c.Tools.History.GetRecentSessionsAsync(3, c.Ct);
        var maxed = sessions
            .SelectMany(s => s.Exercises.SelectMany(e => e.Sets.Where(set => set.Rpe >= 9.5m).Select(set => (s.Date, e.Name, Set: set))))
            .FirstOrDefault();
        foreach (var p in failing)
        {
            a.Say($"{p.Name} has failed {a.N(p.State.FailuresCitation)} session(s) in a row at {a.Load(p.State.LoadCitation)}.");
        }

        if (fine.Count > 0)
        {
            a.Say($"{string.Join(", ", fine.Take(3).Select(p => $"{p.Name} ({a.Load(p.State.LoadCitation)} next)"))} are still progressing.");
        }

        if (maxed.Set is { RpeCitation: { } rpe })
        {
            a.Say($"Some work sets of your last sessions ended at RPE {a.N(rpe)} or close to it ({maxed.Name} on {maxed.Date}).");
        }

        a.Say(failing.Count >= 2
            ? "Several lifts are failing: take a deload week (about a tenth lighter, same sets) before pushing again."
            : failing.Count == 1
                ? $"No full deload needed: back off {failing[0].Name} only and keep the rest of the plan."
                : "Nothing points to a deload: keep following the plan.");
    }

    /// <summary>Next week: the main lifts' targets, what is failing, and the muscles last week left short of the target.</summary>
    public static async Task NextWeekAsync(AnswerContext c)
    {
        var a = c.Answer;
        var next = await c.Tools.Plan.GetWeeklyPlanAsync(c.Scope.ThisWeek.AddDays(7), c.Ct);
        var mains = next.Days.SelectMany(d => d.Exercises).Where(e => e.Role == nameof(ExerciseRole.Main)).ToList();
        a.Say($"Next week ({next.WeekStart}) the main lifts are {string.Join(", ", mains.Take(5).Select(e => $"{e.Name} {a.N(e.SetsCitation)} × {a.Reps(e.RepsMinCitation, e.RepsMaxCitation)} at {a.Load(e.LoadCitation)}"))}.");

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
            var effort = p.Next.RpeCitation is { } rpe ? $"keep every set at or under RPE {a.N(rpe)}" : "stop every set with a rep or two in reserve";
            a.Say($"Change one thing on {p.Name}: it failed {a.N(p.State.FailuresCitation)} session(s) in a row at {a.Load(p.State.LoadCitation)}, so {effort}, add a minute of rest, and let the scheme lower the load if it misses again.");
        }

        if (failing.Count == 0)
        {
            a.Say("Nothing is stalling: keep the plan as it is.");
        }

        var lastWeek = await c.Tools.BodyMap.GetBodyMapAsync(c.Scope.ThisWeek.AddDays(-7), c.Ct);
        var target = lastWeek.TargetPerMuscle;
        var low = lastWeek.Trained.Where(m => m.HardSets < target.WeeklyHardSetsMin).OrderBy(m => m.HardSets).Take(3).ToList();
        if (low.Count > 0)
        {
            a.Say($"Last week {string.Join(", ", low.Select(m => $"{AnswerContext.Words(m.Muscle)} got {a.N(m.HardSetsCitation)} hard sets"))}, under the {a.N(target.Citations[0])}–{a.N(target.Citations[1])} a week I aim for; an extra set or two there would help.");
        }

        if (lastWeek.Untrained.Count > 0 && lastWeek.Trained.Count > 0)
        {
            a.Say($"{string.Join(", ", lastWeek.Untrained.Take(4).Select(m => $"{AnswerContext.Words(m.Muscle)} ({a.N(m.HardSetsCitation)})"))} got no hard sets at all.");
        }
    }

    /// <summary>The last session, exercise by exercise.</summary>
    public static async Task RecentAsync(AnswerContext c)
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
            a.Say($"{exercise.Name}: {c.SetList(exercise.Sets)}.");
        }
    }

    /// <summary>The plan of a week, day by day.</summary>
    public static async Task PlanAsync(AnswerContext c, DateOnly week, string label)
    {
        var plan = await c.Tools.Plan.GetWeeklyPlanAsync(week, c.Ct);
        c.Answer.Say($"{label} ({plan.WeekStart}){(plan.IsDeloadWeek ? ", a deload week," : "")} your plan is:");
        foreach (var day in plan.Days)
        {
            c.Answer.Say($"Day {day.Day} ({day.Name}):");
            c.SayExercises(day, 3);
        }
    }

    /// <summary>Without a recognised question: the last session and the best lifts.</summary>
    public static async Task OverviewAsync(AnswerContext c)
    {
        await RecentAsync(c);
        var records = await c.Tools.History.GetPersonalRecordsAsync(null, c.Ct);
        var top = records.OrderByDescending(r => r.BestE1rm.E1rmKg).Take(3).ToList();
        var a = c.Answer;
        if (a.Text.Length == 0 && top.Count == 0)
        {
            a.Say("You have not logged any training yet, so I have nothing of yours to look at; your plan for this week is ready when you are.");
        }

        if (top.Count > 0)
        {
            a.Say($"Best e1RMs so far: {string.Join("; ", top.Select(r => $"{r.Name} {a.Kg(r.BestE1rm.E1rmCitation)}"))}.");
        }

        a.Say("Ask me why a lift stalls, what to change next week, your records, your volume per muscle, or what to lift next.");
    }
}
