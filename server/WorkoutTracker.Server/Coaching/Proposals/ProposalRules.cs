using System.Globalization;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Coaching.Agent;
using WorkoutTracker.Server.Coaching.Agent.Plugins;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Coaching.Proposals;

/// <summary>What the offline coach's rules look at to propose changes to a week.</summary>
/// <param name="Plan">The week as it stands (generated, with its edits).</param>
/// <param name="Progress">The athlete's stored progression, by exercise.</param>
/// <param name="E1rms">The e1RM of each session, oldest first, for the lifts the week plans.</param>
/// <param name="LastWeek">The body map of the last complete week.</param>
/// <param name="Usable">The exercises the athlete may use (catalog and their own), by id.</param>
public sealed record ProposalFacts(
    WeeklyPlan Plan,
    TrainingProfile Profile,
    IReadOnlyDictionary<string, ExerciseProgress> Progress,
    IReadOnlyDictionary<string, IReadOnlyList<E1rmPoint>> E1rms,
    BodyMapView LastWeek,
    IReadOnlyDictionary<string, Exercise> Usable);

/// <summary>
/// The offline coach's rules for changing a week, plain C#: the same facts give the same proposal.
/// <list type="bullet">
/// <item>A stalled lift (no new best e1RM in its last <see cref="StallSessions"/> sessions, or
/// <see cref="StallFailures"/> failed sessions in a row): on each day it is planned, deload to
/// <see cref="DeloadPercent"/>% of the planned load, and a low-rep scheme goes to 4 × 6.</item>
/// <item>A muscle under its weekly hard-set target last week (<see cref="WeeklyVolumeTarget"/>): one more set
/// of an accessory (else a secondary lift) that trains it.</item>
/// <item>A planned exercise the athlete's equipment cannot do: swap it for the best doable one
/// (<see cref="ExerciseSwaps"/>).</item>
/// </list>
/// Each item changes an exercise on a day at most once; why says the numbers it rests on, and cites them.
/// </summary>
public static class ProposalRules
{
    public const int StallSessions = 3;

    public const int StallFailures = 2;

    public const decimal DeloadPercent = 90m;

    public static (string Summary, IReadOnlyList<ProposalItemDraft> Items) Propose(ProposalFacts facts)
    {
        var items = new List<ProposalItemDraft>();
        var touched = new HashSet<(int Day, string ExerciseId)>();
        var reasons = new List<string>();
        var plan = facts.Plan;
        var week = PluginJson.Date(plan.WeekStart);
        var unit = plan.Unit == WeightUnit.Lb ? "Lb" : "Kg";

        // 1. Equipment missing → swap.
        foreach (var day in plan.Days)
        {
            foreach (var planned in day.Exercises)
            {
                if (!facts.Usable.TryGetValue(planned.ExerciseId, out var exercise) || facts.Profile.CanDo(exercise))
                {
                    continue;
                }

                var instead = ExerciseSwaps.Rank(exercise, facts.Usable.Values, facts.Profile.CanDo)
                    .FirstOrDefault(e => day.Exercises.All(p => p.ExerciseId != e.Id));
                if (instead is null)
                {
                    continue;
                }

                var missing = exercise.Equipment.Where(e => !facts.Profile.Has(e)).Select(e => AnswerWords(e.ToString()));
                items.Add(new ProposalItemDraft(
                    new PlanEdit(PlanEditKind.Swap, day.DayNumber, planned.ExerciseId, WithExerciseId: instead.Id),
                    $"{exercise.Name} needs {string.Join(" and ", missing)}, which your profile does not have: {instead.Name} trains the same muscles with what you have.",
                    []));
                touched.Add((day.DayNumber, planned.ExerciseId));
                reasons.Add($"swap {exercise.Name}");
            }
        }

        // 2. Stall → deload (and a rep-range change for a low-rep scheme).
        foreach (var id in plan.Days.SelectMany(d => d.Exercises).Where(e => e.Role != ExerciseRole.Accessory).Select(e => e.ExerciseId).Distinct())
        {
            if (!facts.Progress.TryGetValue(id, out var progress) || !facts.Usable.TryGetValue(id, out var exercise))
            {
                continue;
            }

            var points = facts.E1rms.GetValueOrDefault(id) ?? [];
            var flat = SessionsWithoutProgress(points);
            var failures = progress.ConsecutiveFailures;
            if (flat < StallSessions && failures < StallFailures)
            {
                continue;
            }

            var best = points.Take(points.Count - flat).MaxBy(p => p.E1rmKg);
            var evidence = new List<string>();
            var citations = new List<Citation>();
            if (flat >= StallSessions && best is not null)
            {
                evidence.Add(string.Create(CultureInfo.InvariantCulture, $"no new best e1RM in its last {flat} sessions (best {Citation.Format(best.E1rmKg)} kg on {PluginJson.Date(best.Date)})"));
                citations.Add(new Citation(CitationKind.E1rm, $"{id}:{PluginJson.Date(best.Date)}:e1rmKg", best.E1rmKg));
            }

            if (failures > 0)
            {
                evidence.Add(string.Create(CultureInfo.InvariantCulture, $"{failures} failed session(s) in a row"));
                citations.Add(new Citation(CitationKind.Progress, $"{id}:consecutiveFailures", failures));
            }

            foreach (var day in plan.Days)
            {
                var planned = day.Exercises.FirstOrDefault(e => e.ExerciseId == id);
                if (planned is null || !touched.Add((day.DayNumber, id)) || planned.TargetSets.Count == 0)
                {
                    continue;
                }

                var target = planned.TargetSets[0];
                var load = LoadRounding.Round(target.Load * DeloadPercent / 100m, LoadImplements.For(exercise), facts.Profile.LoadingSetup, RoundingDirection.Down);
                var lowReps = target.RepsMax < 6;
                var sets = lowReps ? Math.Min(PlanEdits.MaxSets, Math.Max(4, planned.TargetSets.Count)) : planned.TargetSets.Count;
                var reps = lowReps ? 6 : target.RepsMax;
                var at = $"{week}:day{day.DayNumber}:{id}";
                var cited = citations.Concat([
                    new Citation(CitationKind.Plan, $"{at}:sets", planned.TargetSets.Count),
                    new Citation(CitationKind.Plan, $"{at}:repsMax", target.RepsMax),
                    new Citation(CitationKind.Plan, $"{at}:load{unit}", target.Load),
                ]).ToList();
                var change = lowReps
                    ? string.Create(CultureInfo.InvariantCulture, $"deload to {DeloadPercent}% ({Citation.Format(target.Load)} → {Citation.Format(load)} {unit.ToLowerInvariant()}) and switch from {planned.TargetSets.Count}×{target.RepsMax} to {sets}×{reps}")
                    : string.Create(CultureInfo.InvariantCulture, $"deload to {DeloadPercent}% ({Citation.Format(target.Load)} → {Citation.Format(load)} {unit.ToLowerInvariant()}) at {sets}×{target.RepsMin}–{reps}");
                items.Add(new ProposalItemDraft(
                    new PlanEdit(PlanEditKind.ChangeTargets, day.DayNumber, id, Sets: sets, RepsMin: lowReps ? reps : null, RepsMax: lowReps ? reps : null, Load: load),
                    $"{exercise.Name} stalled: {string.Join(", ", evidence)}. Day {day.DayNumber}: {change}, then build back up.",
                    cited));
            }

            reasons.Add($"deload {exercise.Name}");
        }

        // 3. A muscle under its weekly volume → one more set.
        var volume = WeeklyVolumeTarget.For(facts.Profile.Goal, facts.Profile.Experience);
        var lastWeek = PluginJson.Date(facts.LastWeek.WeekStart);
        var under = facts.LastWeek.Muscles.Where(m => m.HardSets > 0 && volume.Judge(m.HardSets) == VolumeVerdict.Under).OrderBy(m => m.HardSets).Take(2);
        foreach (var muscle in under)
        {
            var candidate = plan.Days
                .SelectMany(d => d.Exercises.Select(e => (Day: d, Planned: e)))
                .Where(x => x.Planned.Role != ExerciseRole.Main && x.Planned.TargetSets.Count is > 0 and < PlanEdits.MaxSets
                    && !touched.Contains((x.Day.DayNumber, x.Planned.ExerciseId))
                    && facts.Usable.TryGetValue(x.Planned.ExerciseId, out var e) && e.PrimaryMuscles.Contains(muscle.Muscle))
                .OrderBy(x => x.Planned.Role == ExerciseRole.Accessory ? 0 : 1)
                .Select(x => ((int, PlannedExercise)?)(x.Day.DayNumber, x.Planned))
                .FirstOrDefault();
            if (candidate is not { } found)
            {
                continue;
            }

            var (dayNumber, planned) = found;
            var name = facts.Usable[planned.ExerciseId].Name;
            var words = PluginJson.Constant(muscle.Muscle).Replace('_', ' ').ToLowerInvariant();
            items.Add(new ProposalItemDraft(
                new PlanEdit(PlanEditKind.ChangeTargets, dayNumber, planned.ExerciseId, Sets: planned.TargetSets.Count + 1),
                string.Create(CultureInfo.InvariantCulture, $"Your {words} got {Citation.Format(muscle.HardSets)} hard sets last week, under the {Citation.Format(volume.Min)}–{Citation.Format(volume.Max)} a week I aim for: one more set of {name} on day {dayNumber} ({planned.TargetSets.Count} → {planned.TargetSets.Count + 1})."),
                [
                    new Citation(CitationKind.BodyMap, $"{lastWeek}:{PluginJson.Constant(muscle.Muscle)}:hardSets", muscle.HardSets),
                    volume.MinCitation,
                    new Citation(CitationKind.Plan, $"{week}:day{dayNumber}:{planned.ExerciseId}:sets", planned.TargetSets.Count),
                ]));
            touched.Add((dayNumber, planned.ExerciseId));
            reasons.Add($"more {words}");
        }

        var summary = reasons.Count == 0
            ? "Nothing to change"
            : $"Week of {week}: {string.Join(", ", reasons)}";
        return (summary, items);
    }

    /// <summary>How many of the last sessions set no new best e1RM (over every session before them).</summary>
    public static int SessionsWithoutProgress(IReadOnlyList<E1rmPoint> points)
    {
        var flat = 0;
        for (var i = points.Count - 1; i > 0; i--)
        {
            var bestBefore = points.Take(i).Max(p => p.E1rmKg);
            if (points[i].E1rmKg > bestBefore)
            {
                break;
            }

            flat++;
        }

        return flat;
    }

    private static string AnswerWords(string name) =>
        string.Concat(name.Select((ch, i) => i > 0 && char.IsUpper(ch) ? " " + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
