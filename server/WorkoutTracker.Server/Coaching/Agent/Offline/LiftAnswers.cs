namespace WorkoutTracker.Server.Coaching.Agent.Offline;

/// <summary>Answers about one lift: why it stalls, what to lift next, its records and its e1RM trend.</summary>
internal static class LiftAnswers
{
    /// <summary>Why a lift stalls: its e1RM trend, its last sets, the failure streak and what comes next.</summary>
    public static async Task StallAsync(AnswerContext c)
    {
        var exercise = c.Exercise ?? await c.MostFailingMainLiftAsync();
        if (exercise is null)
        {
            return;
        }

        var a = c.Answer;
        var trend = await c.Tools.History.GetE1rmTrendAsync(exercise.Id, c.Ct);
        if (trend.Points.Count == 0)
        {
            a.Say($"You have not logged {exercise.Name} yet, so nothing is stalling there.");
            await c.PrescriptionAsync(exercise, "Your first session prescribes");
            return;
        }

        var points = trend.Points;
        var best = points.MaxBy(p => p.E1rmKg)!;
        var last = points[^1];
        var recent = points.TakeLast(4).ToList();
        if (points.Count >= 2 && last.E1rmKg <= best.E1rmKg && !ReferenceEquals(last, best))
        {
            a.Say($"{exercise.Name} has stalled: your best e1RM is {a.Kg(best.E1rmCitation)} ({a.Kg(best.LoadCitation)} × {a.N(best.RepsCitation)} on {best.Date}) and your last session reached {a.Kg(last.E1rmCitation)} on {last.Date}.");
        }
        else
        {
            a.Say($"Your {exercise.Name} e1RM went from {a.Kg(recent[0].E1rmCitation)} on {recent[0].Date} to {a.Kg(last.E1rmCitation)} on {last.Date}.");
        }

        await c.LastSetsAsync(exercise, "Last time you did");
        var progression = await c.Tools.Progression.GetProgressionAsync(exercise.Id, c.Ct);
        var state = progression.State;
        if (state.ConsecutiveFailures > 0)
        {
            a.Say($"The {progression.Scheme.Kind} progression counts {a.N(state.FailuresCitation)} failed session(s) in a row at {a.Load(state.LoadCitation)}: the load has outrun your strength on this lift for now.");
            a.Say(progression.Scheme.Decrease is not null
                ? "The scheme takes weight off when the misses continue, and you build back up from there."
                : "Hold the load until the reps come back.");
        }
        else
        {
            a.Say($"Your last session of it met its targets, so the progression is still moving: {a.Load(state.LoadCitation)} next.");
        }

        await c.PrescriptionAsync(exercise, "Next session the engine prescribes");
        a.Say("Stop the sets around the target RPE instead of grinding, rest three to five minutes between them, and look after sleep and food; a stalled lift usually moves again after a lighter week.");
    }

    /// <summary>What to lift next: an exercise's prescription, or the next plan day.</summary>
    public static async Task NextLoadAsync(AnswerContext c)
    {
        if (c.Exercise is { } exercise)
        {
            var p = await c.PrescriptionAsync(exercise, $"Next {exercise.Name}:");
            if (p.State.ConsecutiveFailures > 0)
            {
                c.Answer.Say($"That load has failed {c.Answer.N(p.State.FailuresCitation)} session(s) in a row, so stop each set around the target RPE.");
            }

            return;
        }

        var sessions = await c.Tools.History.GetRecentSessionsAsync(Plugins.HistoryPlugin.MaxSessions, c.Ct);
        var doneThisWeek = sessions.Count(s => string.CompareOrdinal(s.Date, Plugins.PluginJson.Date(c.Scope.ThisWeek)) >= 0);
        var plan = await c.Tools.Plan.GetWeeklyPlanAsync(c.Scope.ThisWeek, c.Ct);
        var day = plan.Days.FirstOrDefault(d => d.Day == doneThisWeek + 1);
        if (day is null)
        {
            plan = await c.Tools.Plan.GetWeeklyPlanAsync(c.Scope.ThisWeek.AddDays(7), c.Ct);
            day = plan.Days[0];
        }

        c.Answer.Say($"Your next session is day {day.Day} ({day.Name}) of the week of {plan.WeekStart}.");
        c.SayExercises(day, 4);
    }

    /// <summary>Personal records: of the exercise named, or the best e1RMs overall.</summary>
    public static async Task RecordsAsync(AnswerContext c)
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
            a.Say($"Your {r.Name} records: best e1RM {a.Kg(r.BestE1rm.E1rmCitation)} ({a.Kg(r.BestE1rm.LoadCitation)} × {a.N(r.BestE1rm.RepsCitation)} on {r.BestE1rm.Date}).");
            a.Say($"Heaviest: {a.Kg(r.HeaviestLoad.LoadCitation)} × {a.N(r.HeaviestLoad.RepsCitation)} on {r.HeaviestLoad.Date}; most reps: {a.N(r.MostReps.RepsCitation)} at {a.Kg(r.MostReps.LoadCitation)}.");
            return;
        }

        var top = records.OrderByDescending(r => r.BestE1rm.E1rmKg).Take(4).ToList();
        if (top.Count == 0)
        {
            return;
        }

        a.Say($"Your best e1RMs: {string.Join("; ", top.Select(r => $"{r.Name} {a.Kg(r.BestE1rm.E1rmCitation)} ({a.Kg(r.BestE1rm.LoadCitation)} × {a.N(r.BestE1rm.RepsCitation)} on {r.BestE1rm.Date})"))}.");
        a.Say($"Heaviest loads: {string.Join("; ", top.Select(r => $"{r.Name} {a.Kg(r.HeaviestLoad.LoadCitation)}"))}.");
    }

    /// <summary>e1RM trends: of the exercise named, or of the main lifts.</summary>
    public static async Task TrendAsync(AnswerContext c)
    {
        var ids = c.Exercise is { } exercise ? [exercise.Id] : (await c.MainLiftsAsync()).Take(3).ToList();
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
            a.Say($"{trend.Name}: e1RM {a.Kg(first.E1rmCitation)} on {first.Date} → {a.Kg(last.E1rmCitation)} on {last.Date} ({direction}), best {a.Kg(best.E1rmCitation)} on {best.Date}.");
        }
    }
}
