using System.Text.Json;
using System.Text.Json.Serialization;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Sessions;

namespace WorkoutTracker.Server.Plans;

public enum PlanEditKind
{
    Swap,
    Skip,
    Add,
    ChangeTargets,
    Superset,
}

/// <summary>
/// One change to a generated week: on day <see cref="DayNumber"/>, swap <see cref="ExerciseId"/> for
/// <see cref="WithExerciseId"/>, skip it, add it, change its targets, or group <see cref="ExerciseIds"/>
/// into a superset (one id: take it out of its superset). Loads are in the plan's unit.
/// </summary>
public sealed record PlanEdit(
    PlanEditKind Kind,
    int DayNumber,
    string ExerciseId,
    string? WithExerciseId = null,
    IReadOnlyList<string>? ExerciseIds = null,
    int? Sets = null,
    int? RepsMin = null,
    int? RepsMax = null,
    decimal? Load = null,
    decimal? Rpe = null);

/// <summary>
/// Applies a week's edits to its generated plan, in the order they were made. Plain C#: the caller gives the
/// exercises the edits name and how to plan an exercise the generator did not (its targets from the
/// athlete's progression of it, or a starting load). The plan the edits were made on can change later (a
/// profile change, progression): an edit whose exercise is no longer there is passed over, never an error.
/// <see cref="Check"/> says whether an edit applies to the plan as it stands, before it is stored.
/// </summary>
public static class PlanEdits
{
    public const int MaxExercisesPerDay = 12;

    public const int MaxSets = 6;

    public const int MaxEditsPerWeek = 200;

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(IReadOnlyList<PlanEdit> edits) => JsonSerializer.Serialize(edits, Json);

    public static IReadOnlyList<PlanEdit> Deserialize(string json) => JsonSerializer.Deserialize<List<PlanEdit>>(json, Json) ?? [];

    /// <summary>
    /// Plans an exercise the generator did not put in the day: (exercise, role, work sets, the generated
    /// exercise it replaces in a swap, when the caller knows it) → the planned exercise.
    /// </summary>
    public delegate PlannedExercise PlanNew(Exercise exercise, ExerciseRole role, int sets, Exercise? replaced);

    public static WeeklyPlan Apply(WeeklyPlan plan, IReadOnlyList<PlanEdit> edits, IReadOnlyDictionary<string, Exercise> exercises, PlanNew planNew)
    {
        if (edits.Count == 0)
        {
            return plan;
        }

        var days = plan.Days.ToDictionary(d => d.DayNumber, d => d.Exercises.ToList());
        foreach (var edit in edits)
        {
            if (days.TryGetValue(edit.DayNumber, out var day) && Problem(day, edit, exercises) is null)
            {
                ApplyTo(day, edit, exercises, planNew);
            }
        }

        return plan with { Days = [.. plan.Days.Select(d => d with { Exercises = days[d.DayNumber] })] };
    }

    /// <summary>Throws the VALIDATION (or NOT_FOUND) error that keeps <paramref name="edit"/> from applying to <paramref name="plan"/>.</summary>
    public static void Check(WeeklyPlan plan, PlanEdit edit, IReadOnlyDictionary<string, Exercise> exercises)
    {
        var day = plan.Days.FirstOrDefault(d => d.DayNumber == edit.DayNumber)
            ?? throw new ValidationException("dayNumber", $"the week has no training day {edit.DayNumber} (it has {plan.Days.Count}).");
        if (Problem([.. day.Exercises], edit, exercises) is { } problem)
        {
            throw problem;
        }
    }

    private static DomainException? Problem(List<PlannedExercise> day, PlanEdit edit, IReadOnlyDictionary<string, Exercise> exercises)
    {
        bool Planned(string id) => day.Any(e => e.ExerciseId == id);
        switch (edit.Kind)
        {
            case PlanEditKind.Swap:
                if (!Planned(edit.ExerciseId))
                {
                    return new ValidationException("exerciseId", $"'{edit.ExerciseId}' is not planned on day {edit.DayNumber}.");
                }

                if (edit.WithExerciseId is null || !exercises.ContainsKey(edit.WithExerciseId))
                {
                    return new NotFoundException("Exercise", edit.WithExerciseId ?? "");
                }

                return Planned(edit.WithExerciseId) ? new ValidationException("withExerciseId", $"'{edit.WithExerciseId}' is already planned on day {edit.DayNumber}.") : null;
            case PlanEditKind.Skip:
                return Planned(edit.ExerciseId) ? null : new ValidationException("exerciseId", $"'{edit.ExerciseId}' is not planned on day {edit.DayNumber}.");
            case PlanEditKind.Add:
                if (!exercises.ContainsKey(edit.ExerciseId))
                {
                    return new NotFoundException("Exercise", edit.ExerciseId);
                }

                if (Planned(edit.ExerciseId))
                {
                    return new ValidationException("exerciseId", $"'{edit.ExerciseId}' is already planned on day {edit.DayNumber}.");
                }

                return day.Count >= MaxExercisesPerDay ? new ValidationException("exerciseId", $"a day holds at most {MaxExercisesPerDay} exercises.") : TargetsProblem(edit);
            case PlanEditKind.ChangeTargets:
                return Planned(edit.ExerciseId) ? TargetsProblem(edit) : new ValidationException("exerciseId", $"'{edit.ExerciseId}' is not planned on day {edit.DayNumber}.");
            case PlanEditKind.Superset:
                var ids = edit.ExerciseIds ?? [];
                if (ids.Count is < 1 or > SessionLayoutCommands.MaxSupersetSize || ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
                {
                    return new ValidationException("exerciseIds", $"must name 1 to {SessionLayoutCommands.MaxSupersetSize} different exercises (one to take it out of its superset).");
                }

                return ids.FirstOrDefault(id => !Planned(id)) is { } missing
                    ? new ValidationException("exerciseIds", $"'{missing}' is not planned on day {edit.DayNumber}.")
                    : null;
            default:
                return new ValidationException("kind", "is not a plan edit.");
        }
    }

    private static ValidationException? TargetsProblem(PlanEdit edit)
    {
        if (edit.Sets is { } sets && sets is < 1 or > MaxSets)
        {
            return new ValidationException("sets", $"must be between 1 and {MaxSets}.");
        }

        if (edit.RepsMin is { } min && min is < 1 or > SetRules.MaxReps)
        {
            return new ValidationException("repsMin", $"must be between 1 and {SetRules.MaxReps}.");
        }

        if (edit.RepsMax is { } max && (max is < 1 or > SetRules.MaxReps || (edit.RepsMin is { } low && max < low)))
        {
            return new ValidationException("repsMax", $"must be between repsMin and {SetRules.MaxReps}.");
        }

        if (edit.Load is { } load && (load < 0 || load > SetRules.MaxLoadKg * 3 || decimal.Round(load, 3) != load))
        {
            return new ValidationException("load", "must be between 0 and 3000 (the plan's unit), at most 3 decimals.");
        }

        return edit.Rpe is { } rpe && (rpe < 1 || rpe > 10 || rpe * 2 != decimal.Truncate(rpe * 2))
            ? new ValidationException("rpe", "must be between 1 and 10 in steps of 0.5.")
            : null;
    }

    private static void ApplyTo(List<PlannedExercise> day, PlanEdit edit, IReadOnlyDictionary<string, Exercise> exercises, PlanNew planNew)
    {
        var index = day.FindIndex(e => e.ExerciseId == edit.ExerciseId);
        switch (edit.Kind)
        {
            case PlanEditKind.Swap:
                var old = day[index];
                var swapped = planNew(exercises[edit.WithExerciseId!], old.Role, old.TargetSets.Count, exercises.GetValueOrDefault(old.SwappedFromExerciseId ?? old.ExerciseId));
                day[index] = swapped with { SupersetGroup = old.SupersetGroup, SwappedFromExerciseId = old.SwappedFromExerciseId ?? old.ExerciseId, Added = old.Added };
                break;
            case PlanEditKind.Skip:
                day.RemoveAt(index);
                DissolveLoneGroups(day);
                break;
            case PlanEditKind.Add:
                var exercise = exercises[edit.ExerciseId];
                var added = planNew(exercise, exercise.IsCompound ? ExerciseRole.Secondary : ExerciseRole.Accessory, edit.Sets ?? 3, null) with { Added = true };
                day.Add(WithTargets(added, edit));
                break;
            case PlanEditKind.ChangeTargets:
                day[index] = WithTargets(day[index], edit);
                break;
            case PlanEditKind.Superset:
                var ids = edit.ExerciseIds!;
                for (var i = 0; i < day.Count; i++)
                {
                    if (ids.Contains(day[i].ExerciseId))
                    {
                        day[i] = day[i] with { SupersetGroup = null };
                    }
                }

                if (ids.Count > 1)
                {
                    var taken = day.Select(e => e.SupersetGroup).OfType<string>().ToHashSet(StringComparer.Ordinal);
                    var group = SupersetGroups.Next(taken);
                    var members = ids.Select(id => day.Single(e => e.ExerciseId == id) with { SupersetGroup = group }).ToList();
                    var at = day.FindIndex(e => ids.Contains(e.ExerciseId));
                    day.RemoveAll(e => ids.Contains(e.ExerciseId));
                    day.InsertRange(Math.Min(at, day.Count), members);
                }

                DissolveLoneGroups(day);
                break;
        }
    }

    /// <summary>A superset left with one exercise is straight sets again.</summary>
    private static void DissolveLoneGroups(List<PlannedExercise> day)
    {
        var lone = day.Where(e => e.SupersetGroup is not null).GroupBy(e => e.SupersetGroup).Where(g => g.Count() == 1).Select(g => g.Key).ToHashSet();
        for (var i = 0; i < day.Count; i++)
        {
            if (day[i].SupersetGroup is { } g && lone.Contains(g))
            {
                day[i] = day[i] with { SupersetGroup = null };
            }
        }
    }

    private static PlannedExercise WithTargets(PlannedExercise planned, PlanEdit edit)
    {
        if (edit.Sets is null && edit.RepsMin is null && edit.RepsMax is null && edit.Load is null && edit.Rpe is null)
        {
            return planned;
        }

        var first = planned.TargetSets.Count > 0 ? planned.TargetSets[0] : new TargetSet(1, 8, 12, 0m, null);
        var min = edit.RepsMin ?? first.RepsMin;
        var max = Math.Max(min, edit.RepsMax ?? (edit.RepsMin is null ? first.RepsMax : min));
        var sets = edit.Sets ?? planned.TargetSets.Count;
        return planned with
        {
            TargetSets = [.. Enumerable.Range(1, Math.Max(1, sets)).Select(n => new TargetSet(n, min, max, edit.Load ?? first.Load, edit.Rpe ?? first.Rpe))],
        };
    }
}

/// <summary>How an edit plans an exercise the generator did not: as the generator would (<see cref="PlanGenerator"/>).</summary>
public static class PlanEditPlanner
{
    /// <summary>
    /// Targets from <see cref="StartingProgress"/> in the plan's unit, deloaded in a deload week.
    /// </summary>
    public static PlanEdits.PlanNew For(TrainingProfile profile, WeeklyPlan plan, IReadOnlyDictionary<string, ExerciseProgress> progress) =>
        (exercise, role, sets, replaced) =>
        {
            var setup = profile.LoadingSetup;
            var inUnits = ProgressionEngine.ConvertTo(StartingProgress(profile, plan, progress, exercise, role, replaced), profile.Units, setup);
            var deload = plan.IsDeloadWeek && profile.Deload is { } d ? d.LoadReductionPercent : 0m;
            return new PlannedExercise(exercise.Id, role, ExerciseMeasures.For(exercise), inUnits.Scheme, ProgressionEngine.Prescribe(inUnits, Math.Clamp(sets, 1, PlanEdits.MaxSets), deload, setup));
        };

    /// <summary>
    /// Where the athlete stands on an exercise an edit puts in the plan: their own progression of it first;
    /// else the progress the generator started for it this week; else a new progress with the default scheme,
    /// whose load, for an exercise swapped in for <paramref name="replaced"/>, is estimated from the athlete's
    /// progression of the replaced exercise (<see cref="SwapStartingLoads"/>), and otherwise the starting
    /// load (<see cref="StartingLoads"/>). Progression starts the swapped-in exercise from the same state
    /// when its first session is finished (<see cref="SessionProgression"/>).
    /// </summary>
    public static ExerciseProgress StartingProgress(
        TrainingProfile profile, WeeklyPlan plan, IReadOnlyDictionary<string, ExerciseProgress> progress, Exercise exercise, ExerciseRole role, Exercise? replaced)
    {
        if ((progress.GetValueOrDefault(exercise.Id) ?? plan.NewProgress.FirstOrDefault(p => p.ExerciseId == exercise.Id)) is { } known)
        {
            return known;
        }

        var setup = profile.LoadingSetup;
        var start = ExerciseProgress.Start(exercise, DefaultSchemes.For(profile.Goal, profile.Experience, exercise, role), profile.Experience, profile.Units, setup);
        return replaced is not null && progress.GetValueOrDefault(replaced.Id) is { } before
            && SwapStartingLoads.Estimate(exercise, start.TargetReps, replaced, before, profile.Units, setup) is { } estimate
            ? start with { Load = estimate }
            : start;
    }
}
