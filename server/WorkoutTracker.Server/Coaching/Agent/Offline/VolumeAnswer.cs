using WorkoutTracker.Server.Coaching.Agent.Plugins;
using WorkoutTracker.Server.Exercises;

namespace WorkoutTracker.Server.Coaching.Agent.Offline;

/// <summary>
/// Volume per muscle, judged the way a coach would on any day of the week: the last complete week
/// against the target for the athlete's goal (<see cref="WeeklyVolumeTarget"/>), and the current week
/// so far only as so far, with what the plan still holds for it. Each week is named with its dates, so
/// the athlete always knows which one a number belongs to. On a Wednesday "is my back getting enough?"
/// is answered from last week's full training, not from the two days since Monday.
/// </summary>
internal static class VolumeAnswer
{
    public static async Task AnswerAsync(AnswerContext c)
    {
        var a = c.Answer;
        var scope = c.Scope;
        var last = await c.Tools.BodyMap.GetBodyMapAsync(scope.ThisWeek.AddDays(-7), c.Ct);
        var current = await c.Tools.BodyMap.GetBodyMapAsync(scope.ThisWeek, c.Ct);
        var target = WeeklyVolumeTarget.For(scope.Profile.Goal, scope.Profile.Experience);
        var named = c.Question.NamedMuscles();

        a.Say($"For {target.GoalWords} as {Article(scope.Profile.Experience)} lifter I count {a.N(target.MinCitation)}–{a.N(target.MaxCitation)} hard sets per muscle a week as enough (a set counts fully for the muscles doing the work, half for those assisting).");
        if (last.Trained.Count == 0 && current.Trained.Count == 0)
        {
            a.Say($"Nothing is logged yet, neither last week ({last.WeekStart} to {End(last)}) nor this week, so there is no volume to judge: train the plan and ask again after a complete week.");
            return;
        }

        var lastRows = Rows(last, named);
        if (lastRows.Count == 0)
        {
            a.Say($"Last complete week ({last.WeekStart} to {End(last)}) nothing was logged.");
        }
        else
        {
            a.Say($"Last complete week ({last.WeekStart} to {End(last)}): {string.Join(", ", lastRows.Select(r => $"{AnswerContext.Words(r.Muscle)} {a.N(r.HardSets)}"))} hard sets.");
            var verdicts = lastRows.GroupBy(r => target.Judge(r.HardSets.Value)).ToDictionary(g => g.Key, g => g.Select(r => AnswerContext.Words(r.Muscle)).ToList());
            var parts = new List<string>();
            if (verdicts.TryGetValue(VolumeVerdict.Enough, out var enough))
            {
                parts.Add($"{AnswerContext.List(enough)} got enough");
            }

            if (verdicts.TryGetValue(VolumeVerdict.Under, out var under))
            {
                parts.Add($"{AnswerContext.List(under)} could use more");
            }

            if (verdicts.TryGetValue(VolumeVerdict.Over, out var over))
            {
                parts.Add($"{AnswerContext.List(over)} got more than {target.GoalWords} needs");
            }

            a.Say($"Judged on that full week, {string.Join("; ", parts)}.");
        }

        await SoFarAsync(c, current, named);
        await MoreForAsync(c, lastRows.Where(r => target.Judge(r.HardSets.Value) == VolumeVerdict.Under).Select(r => r.Muscle).Take(2).ToList());
    }

    /// <summary>This week so far, said as so far, and what the plan still has for the muscles asked about.</summary>
    private static async Task SoFarAsync(AnswerContext c, BodyMapSummary current, IReadOnlyList<MuscleGroup> named)
    {
        var a = c.Answer;
        var today = c.Scope.Today;
        var rows = Rows(current, named);
        var span = $"this week so far ({current.WeekStart} to today, {today.DayOfWeek})";
        a.Say(rows.All(r => r.HardSets.Value == 0)
            ? $"In {span} {(named.Count > 0 ? "they have not" : "nothing has")} been trained yet{(rows.Count > 0 ? $" ({string.Join(", ", rows.Select(r => $"{AnswerContext.Words(r.Muscle)} {a.N(r.HardSets)}"))})" : "")}: the week is not over, so that is no verdict."
            : $"In {span}: {string.Join(", ", rows.Select(r => $"{AnswerContext.Words(r.Muscle)} {a.N(r.HardSets)}"))} hard sets; the week is not over, so judge it when it is.");

        if (named.Count == 0)
        {
            return;
        }

        var sessions = await c.Tools.History.GetRecentSessionsAsync(HistoryPlugin.MaxSessions, c.Ct);
        var done = sessions.Where(s => string.CompareOrdinal(s.Date, current.WeekStart) >= 0).Select(s => s.PlanDay).OfType<int>().ToHashSet();
        var plan = await c.Tools.Plan.GetWeeklyPlanAsync(c.Scope.ThisWeek, c.Ct);
        var byId = c.Catalog.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var coming = plan.Days.Where(d => !done.Contains(d.Day))
            .SelectMany(d => d.Exercises.Where(e => byId.TryGetValue(e.ExerciseId, out var x) && x.PrimaryMuscles.Any(named.Contains)).Select(e => (d.Day, Exercise: e)))
            .Take(3)
            .ToList();
        if (coming.Count > 0)
        {
            a.Say($"Your plan still has {string.Join(", ", coming.Select(x => $"{x.Exercise.Name} {a.N(x.Exercise.SetsCitation)} × {a.Reps(x.Exercise.RepsMinCitation, x.Exercise.RepsMaxCitation)} on day {x.Day}"))} this week.");
        }
    }

    /// <summary>Where more sets would come from for muscles under the target: an exercise the athlete can do that trains each one.</summary>
    private static async Task MoreForAsync(AnswerContext c, IReadOnlyList<MuscleGroup> under)
    {
        var picks = new List<string>();
        foreach (var muscle in under)
        {
            var options = await c.Tools.Catalog.FindExercisesAsync(Plugins.PluginJson.Constant(muscle), null, [], c.Ct);
            var pick = options.Where(o => o.PrimaryMuscles.Count > 0 && o.PrimaryMuscles[0] == muscle).OrderBy(o => o.Compound).ThenBy(o => o.Id, StringComparer.Ordinal).FirstOrDefault();
            if (pick is not null)
            {
                picks.Add($"{pick.Name} for your {AnswerContext.Words(muscle)}");
            }
        }

        if (picks.Count > 0)
        {
            c.Answer.Say($"To bring them up, add a set or two a week, e.g. {AnswerContext.List(picks)}.");
        }
    }

    /// <summary>The muscles asked about (all of them, trained or not), or every muscle the week trained, most first.</summary>
    private static List<(MuscleGroup Muscle, Citation HardSets)> Rows(BodyMapSummary week, IReadOnlyList<MuscleGroup> named)
    {
        var all = week.Trained.Select(m => (m.Muscle, m.HardSetsCitation)).Concat(week.Untrained.Select(m => (m.Muscle, m.HardSetsCitation))).ToList();
        return named.Count > 0
            ? [.. named.Select(n => all.Single(m => m.Muscle == n))]
            : [.. week.Trained.Select(m => (m.Muscle, m.HardSetsCitation))];
    }

    private static string End(BodyMapSummary week) =>
        PluginJson.Date(DateOnly.ParseExact(week.WeekStart, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddDays(6));

    private static string Article(Progression.ExperienceLevel level) => level switch
    {
        Progression.ExperienceLevel.Intermediate => "an intermediate",
        Progression.ExperienceLevel.Advanced => "an advanced",
        _ => "a beginner",
    };
}
