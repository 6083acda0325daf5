using System.Globalization;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Progression.Schemes;

namespace WorkoutTracker.Server.Coaching.Copilot;

/// <summary>A set of the session so far, as logged (kilograms).</summary>
public sealed record LoggedSet(string ExerciseId, decimal LoadKg, int Reps, decimal? Rpe, bool IsWarmup = false);

/// <summary>Everything the copilot looks at. Plan targets and progress are in the profile's units.</summary>
/// <param name="Profile">The athlete's training profile.</param>
/// <param name="PlannedDay">The plan day the session follows, in order; empty when it follows none.</param>
/// <param name="Sets">The session's sets in the order logged, warm-ups included.</param>
/// <param name="Catalog">The exercise catalog by id.</param>
/// <param name="Progress">The athlete's stored progress by exercise.</param>
/// <param name="EquipmentTaken">Equipment the athlete says is taken right now.</param>
public sealed record CopilotInput(
    TrainingProfile Profile,
    IReadOnlyList<PlannedExercise> PlannedDay,
    IReadOnlyList<LoggedSet> Sets,
    IReadOnlyDictionary<string, Exercise> Catalog,
    IReadOnlyDictionary<string, ExerciseProgress> Progress,
    IReadOnlyCollection<Equipment> EquipmentTaken);

/// <summary>The set to do next: the exercise, its 1-based number among that exercise's work sets today, load (kg), reps, target RPE.</summary>
public sealed record CopilotSet(string ExerciseId, int SetNumber, decimal LoadKg, int Reps, decimal? Rpe);

/// <summary>An exercise to do instead of <paramref name="ReplacesExerciseId"/>, whose equipment is taken.</summary>
public sealed record CopilotSwap(string ExerciseId, string Name, string ReplacesExerciseId);

/// <summary>The copilot's advice: the next set (null when the day's plan is done), the rest before it, a swap, and why.</summary>
public sealed record CopilotAdvice(CopilotSet? NextSet, int RestSeconds, CopilotSwap? Swap, string Rationale);

/// <summary>
/// The in-session copilot: deterministic rules over the plan, the progression engine and today's sets.
/// <list type="number">
/// <item><b>Which exercise.</b> The one of the last work set while it has planned sets left; then the
/// first exercise of the plan day with sets left; none when every planned set is done. Targets come
/// from the plan day, or for an exercise off the plan from <see cref="ProgressionEngine.Prescribe"/>
/// on the athlete's progress (a fresh start without one).</item>
/// <item><b>Load and reps.</b> The first set of an exercise is the target. After that, from the
/// exercise's last set today: rated above the target RPE → lower the load to what the RPE chart gives
/// for the target reps at the target RPE from that set's e1RM, at least one loadable step down; short of
/// the bottom of the range → the same, from its (Epley) e1RM; every set so far at the top of the range
/// and none above the target RPE → raise per the athlete's scheme (double progression: its increment,
/// back to the bottom of the range; RPE-based: the chart load from today's best rated set, if higher;
/// linear raises between sessions, not within one, so it holds); otherwise repeat the last load.</item>
/// <item><b>Rest.</b> By goal and kind of the next exercise (strength 180 s on compounds, 90 s on
/// isolation; hypertrophy 120 / 75 s; general fitness 90 / 60 s; a main lift 30 s more), 30 s more
/// after a set at RPE 9, 60 s after RPE 9.5 or more, 15 s less after RPE 7 or less; 45–300 s in 15 s steps.</item>
/// <item><b>Swap.</b> When the next exercise needs equipment that is taken: the best of
/// <see cref="ExerciseSwaps.Rank"/> (same primary muscle, doable with the athlete's other equipment),
/// with its own progression's prescription (or a fresh start) as the next set.</item>
/// </list>
/// </summary>
public static class CopilotEngine
{
    public static CopilotAdvice Suggest(CopilotInput input)
    {
        var work = input.Sets.Where(s => !s.IsWarmup).ToList();
        var next = NextExercise(input, work);
        var last = work.LastOrDefault();
        if (next is null)
        {
            return new CopilotAdvice(null, 0, null, input.PlannedDay.Count == 0 && work.Count == 0
                ? "This session follows no plan day: log a set and I will suggest the next one."
                : "Every planned set of this day is done: finish the session.");
        }

        var (exercise, targets, setNumber) = next.Value;
        var rest = RestSeconds(input.Profile.Goal, exercise, targets.Role, last?.Rpe);
        if (input.EquipmentTaken.Count > 0 && exercise.Equipment.Any(e => e != Equipment.Bodyweight && input.EquipmentTaken.Contains(e)))
        {
            return SwapFor(input, exercise, targets, rest);
        }

        var (set, why) = NextSet(input, exercise, targets, setNumber, work.Where(s => s.ExerciseId == exercise.Id).ToList());
        return new CopilotAdvice(set, rest, null, $"{why} Rest {rest} s.");
    }

    private sealed record Targets(IReadOnlyList<TargetSet> Sets, ProgressionScheme Scheme, ExerciseRole Role);

    private static (Exercise Exercise, Targets Targets, int SetNumber)? NextExercise(CopilotInput input, List<LoggedSet> work)
    {
        if (work.Count > 0)
        {
            var current = input.Catalog[work[^1].ExerciseId];
            var targets = TargetsFor(input, current);
            var done = work.Count(s => s.ExerciseId == current.Id);
            if (done < targets.Sets.Count)
            {
                return (current, targets, done + 1);
            }
        }

        foreach (var planned in input.PlannedDay)
        {
            var done = work.Count(s => s.ExerciseId == planned.ExerciseId);
            if (done < planned.TargetSets.Count)
            {
                return (input.Catalog[planned.ExerciseId], new Targets(planned.TargetSets, planned.Scheme, planned.Role), done + 1);
            }
        }

        return null;
    }

    private static Targets TargetsFor(CopilotInput input, Exercise exercise)
    {
        if (input.PlannedDay.FirstOrDefault(p => p.ExerciseId == exercise.Id) is { } planned)
        {
            return new Targets(planned.TargetSets, planned.Scheme, planned.Role);
        }

        var role = exercise.IsCompound ? ExerciseRole.Secondary : ExerciseRole.Accessory;
        var progress = ProgressOf(input, exercise, role);
        return new Targets(ProgressionEngine.Prescribe(progress, PlanVolume.SetsFor(role, input.Profile.Experience), setup: input.Profile.LoadingSetup), progress.Scheme, role);
    }

    /// <summary>The athlete's progress on the exercise in their units, or a fresh start.</summary>
    private static ExerciseProgress ProgressOf(CopilotInput input, Exercise exercise, ExerciseRole role)
    {
        var profile = input.Profile;
        var progress = input.Progress.GetValueOrDefault(exercise.Id)
            ?? ExerciseProgress.Start(exercise, DefaultSchemes.For(profile.Goal, profile.Experience, exercise, role), profile.Experience, profile.Units, profile.LoadingSetup);
        return ProgressionEngine.ConvertTo(progress, profile.Units, profile.LoadingSetup);
    }

    private static (CopilotSet Set, string Why) NextSet(CopilotInput input, Exercise exercise, Targets targets, int setNumber, List<LoggedSet> today)
    {
        var profile = input.Profile;
        var setup = profile.LoadingSetup;
        var implement = LoadImplements.For(exercise);
        var target = targets.Sets[Math.Min(setNumber, targets.Sets.Count) - 1];
        var unit = Unit(profile);
        CopilotSet Set(decimal load, int reps) => new(exercise.Id, setNumber, ToKg(load, profile), reps, target.Rpe);

        if (today.Count == 0)
        {
            return (Set(target.Load, target.RepsMin), $"First work set of {exercise.Name}: {F(target.Load)} {unit} × {target.RepsMin}{AtRpe(target.Rpe)}, as planned.");
        }

        var last = today[^1];
        var lastLoad = FromKg(last.LoadKg, profile);
        if (last.Rpe is { } rpe && target.Rpe is { } targetRpe && rpe > targetRpe)
        {
            var lower = Lower(OneRepMax.Estimate(lastLoad, last.Reps, rpe), lastLoad, target.RepsMin, targetRpe, implement, setup);
            return (Set(lower, target.RepsMin),
                $"Your last set of {exercise.Name} was RPE {F(rpe)}, above the target of {F(targetRpe)}: drop to {F(lower)} {unit} for {target.RepsMin} to stay near RPE {F(targetRpe)}.");
        }

        if (last.Reps < target.RepsMin)
        {
            var lower = Lower(OneRepMax.Estimate(lastLoad, last.Reps, last.Rpe), lastLoad, target.RepsMin, target.Rpe ?? 8m, implement, setup);
            return (Set(lower, target.RepsMin),
                $"{last.Reps} reps is short of the {target.RepsMin} planned: drop to {F(lower)} {unit} so the next set reaches {target.RepsMin}.");
        }

        var allAtTop = today.All(s => s.Reps >= target.RepsMax && (s.Rpe is null || target.Rpe is null || s.Rpe <= target.Rpe));
        if (allAtTop)
        {
            switch (targets.Scheme)
            {
                case DoubleProgression @double:
                {
                    var raised = @double.Increment.Increase(lastLoad, implement, setup);
                    return (Set(raised, @double.RepsMin),
                        $"All {today.Count} set(s) of {exercise.Name} reached the top of the {target.RepsMin}–{target.RepsMax} range at or under the target RPE: your double progression moves up to {F(raised)} {unit}, back to {@double.RepsMin} reps.");
                }

                case RpeProgression rpeScheme when today.Where(s => s.Rpe is not null).Select(s => OneRepMax.Estimate(FromKg(s.LoadKg, profile), s.Reps, s.Rpe)).DefaultIfEmpty().Max() is var e1rm and > 0:
                {
                    var raised = LoadRounding.Round(OneRepMax.LoadFor(e1rm, rpeScheme.Reps, rpeScheme.TargetRpe ?? 8m), implement, setup);
                    if (raised > lastLoad)
                    {
                        return (Set(raised, rpeScheme.Reps),
                            $"Today's sets of {exercise.Name} put your e1RM at {F(Math.Round(e1rm, 1))} {unit}: your RPE scheme moves the next set up to {F(raised)} {unit} × {rpeScheme.Reps}{AtRpe(rpeScheme.TargetRpe)}.");
                    }

                    break;
                }

                case LinearProgression:
                    return (Set(lastLoad, target.RepsMin),
                        $"Every set of {exercise.Name} so far hit {target.RepsMax}: stay at {F(lastLoad)} {unit} × {target.RepsMin}; your linear progression adds load next session when all sets are done.");
            }
        }

        var reps = Math.Clamp(last.Reps, target.RepsMin, target.RepsMax);
        return (Set(lastLoad, reps), $"On target: repeat {F(lastLoad)} {unit} × {reps}{AtRpe(target.Rpe)} on {exercise.Name}.");
    }

    /// <summary>The load for <paramref name="reps"/> at <paramref name="rpe"/> from the e1RM, rounded down, at least one step below <paramref name="lastLoad"/>.</summary>
    private static decimal Lower(decimal e1rm, decimal lastLoad, int reps, decimal rpe, LoadImplement implement, LoadingSetup setup)
    {
        var stepDown = LoadRounding.StepDown(lastLoad, implement, setup);
        if (e1rm <= 0 || !RpeTable.TryGetPercentOfMax(reps, rpe, out var percent))
        {
            return stepDown;
        }

        var fromChart = LoadRounding.Round(e1rm * percent, implement, setup, RoundingDirection.Down);
        return Math.Max(LoadRounding.Minimum(implement, setup), Math.Min(fromChart, stepDown));
    }

    private static CopilotAdvice SwapFor(CopilotInput input, Exercise exercise, Targets targets, int rest)
    {
        var taken = string.Join(" and ", input.EquipmentTaken.Where(exercise.Equipment.Contains).Select(e => e.ToString().ToLowerInvariant()));
        var swaps = ExerciseSwaps.Rank(exercise, input.Catalog.Values, ExerciseSwaps.Doable(input.Profile.Equipment, input.EquipmentTaken));
        if (swaps.Count == 0)
        {
            return new CopilotAdvice(null, rest, null,
                $"The {taken} is taken and nothing else in the catalog trains the same muscle with your remaining equipment: wait for it or do {exercise.Name} later.");
        }

        var swap = swaps[0];
        var profile = input.Profile;
        var progress = ProgressOf(input, swap, targets.Role);
        var target = ProgressionEngine.Prescribe(progress, 1, setup: profile.LoadingSetup)[0];
        var done = input.Sets.Count(s => !s.IsWarmup && s.ExerciseId == swap.Id);
        var set = new CopilotSet(swap.Id, done + 1, ToKg(target.Load, profile), target.RepsMin, target.Rpe);
        var muscle = swap.PrimaryMuscles.Intersect(exercise.PrimaryMuscles).First().ToString().ToLowerInvariant();
        var basis = input.Progress.ContainsKey(swap.Id) ? "your progression on it" : "a conservative start (no history on it)";
        return new CopilotAdvice(set, rest, new CopilotSwap(swap.Id, swap.Name, exercise.Id),
            $"The {taken} is taken: do {swap.Name} instead of {exercise.Name} (it trains your {muscle} with the equipment you have left), {F(target.Load)} {Unit(profile)} × {target.RepsMin} from {basis}. Rest {rest} s.");
    }

    private static int RestSeconds(TrainingGoal goal, Exercise exercise, ExerciseRole role, decimal? lastRpe)
    {
        var seconds = (goal, exercise.IsCompound) switch
        {
            (TrainingGoal.Strength, true) => 180,
            (TrainingGoal.Strength, false) => 90,
            (TrainingGoal.Hypertrophy, true) => 120,
            (TrainingGoal.Hypertrophy, false) => 75,
            (_, true) => 90,
            _ => 60,
        };
        seconds += role == ExerciseRole.Main ? 30 : 0;
        seconds += lastRpe switch
        {
            >= 9.5m => 60,
            >= 9m => 30,
            <= 7m => -15,
            _ => 0,
        };
        return Math.Clamp(seconds / 15 * 15, 45, 300);
    }

    /// <summary>Kilograms with at most 3 decimals (what logSet accepts), without trailing zeros.</summary>
    private static decimal ToKg(decimal load, TrainingProfile profile) =>
        Math.Round(WeightConversion.Convert(load, profile.Units, WeightUnit.Kg), 3, MidpointRounding.AwayFromZero) / 1.000000000000000000000000000m;

    private static decimal FromKg(decimal loadKg, TrainingProfile profile) => WeightConversion.Convert(loadKg, WeightUnit.Kg, profile.Units);

    private static string Unit(TrainingProfile profile) => profile.Units.ToString().ToLowerInvariant();

    private static string AtRpe(decimal? rpe) => rpe is { } value ? $" @ RPE {F(value)}" : "";

    private static string F(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
