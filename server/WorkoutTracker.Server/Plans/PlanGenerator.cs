using System.Globalization;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Plans;

/// <summary>
/// Generates an athlete's week of training from their <see cref="TrainingProfile"/>, the exercise
/// catalog and their progress per exercise. Pure and deterministic: the same inputs give an identical plan.
/// <para><b>Steps.</b></para>
/// <list type="number">
/// <item>The split comes from the days per week (<see cref="SplitChooser"/>); only exercises whose every
/// piece of equipment the athlete has are considered (bodyweight is always there).</item>
/// <item>Main lifts go in first, day by day, from the staples of each slot's pattern
/// (<see cref="ExercisePicker"/>), then each day's secondary compound, as time allows (<see cref="SessionBudget"/>).</item>
/// <item>Coverage: every muscle group that no exercise of the week trains as a primary muscle gets an
/// accessory, on a day whose focus owns it (<see cref="DayFocusMuscles"/>) when possible. If no day has
/// time, the accessory goes in at <see cref="PlanVolume.MinimumSets"/> sets, or replaces a secondary or
/// accessory whose muscles are all trained by another exercise of the week, or, last, takes sets off the
/// day's other exercises (main lifts keep at least <see cref="PlanVolume.MinimumMainSets"/>) to make room
/// for a two-set accessory. A group that still has none is listed in
/// <see cref="WeeklyPlan.UntrainedMuscles"/>: either no catalog exercise fits the equipment (with
/// bodyweight alone: side and rear delts, biceps, forearms, lats, upper back, traps, lower back; with a
/// pull-up bar added: side and rear delts, forearms, traps, lower back) or the sessions are too short. With a full gym
/// and 3 or more training days of at least 60 minutes (45 for 4 or more days) every group is trained.</item>
/// <item>Remaining time is filled with the optional compound slots, then with accessories for the day's
/// focus muscles that have the fewest weekly sets, up to <see cref="PlanVolume.MaxExercisesPerDay"/>. A day
/// whose focus the equipment cannot train at all (a pull day with bodyweight only) is filled from the
/// whole body instead of being left empty.</item>
/// <item>Each day is ordered compounds first (main, secondary, then compound accessories), then isolation.</item>
/// <item>Targets come from the athlete's <see cref="ExerciseProgress"/> (converted to the profile's units)
/// through <see cref="ProgressionEngine.Prescribe"/>, with sets from <see cref="PlanVolume"/>. An exercise
/// with no progress gets the default scheme (<see cref="DefaultSchemes"/>) and a conservative starting
/// load (<see cref="StartingLoads"/>); that new progress is returned in <see cref="WeeklyPlan.NewProgress"/>.
/// In a scheduled deload week every load is reduced by the schedule's percentage.</item>
/// </list>
/// <para><b>Variety.</b> Main lifts do not rotate (progress on them is the point). Secondary compounds and
/// accessories rotate every <see cref="RotationWeeks"/> ISO weeks: the choice among equally suitable
/// exercises is seeded by the plan version and the 4-week block, so a week's plan is stable, consecutive
/// weeks of a block are identical, and a new block or a profile change (new plan version) may swap them.</para>
/// </summary>
public static class PlanGenerator
{
    /// <summary>Weeks in a rotation block: secondary and accessory choices hold for this many weeks.</summary>
    public const int RotationWeeks = 4;

    /// <summary>
    /// The plan for the ISO week holding <paramref name="week"/> (any day of it; the plan starts on its Monday).
    /// </summary>
    /// <param name="profile">The athlete's training profile; validated (throws <c>ValidationException</c>).</param>
    /// <param name="catalog">The exercises to choose from, usually <see cref="ExerciseCatalog.All"/>.</param>
    /// <param name="progressByExercise">The athlete's progress, keyed by exercise id; exercises missing from it start fresh.</param>
    /// <param name="week">A day of the week to plan.</param>
    public static WeeklyPlan Generate(
        TrainingProfile profile,
        IReadOnlyList<Exercise> catalog,
        IReadOnlyDictionary<string, ExerciseProgress> progressByExercise,
        DateOnly week)
    {
        profile.Validate();
        var monday = IsoWeeks.MondayOf(week);
        var (isoYear, isoWeek) = IsoWeeks.YearAndWeek(monday);
        var split = SplitChooser.Choose(profile.DaysPerWeek);
        var available = catalog.Where(profile.CanDo).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var block = IsoWeeks.Ordinal(monday) / RotationWeeks;
        var picker = new ExercisePicker(available, string.Create(CultureInfo.InvariantCulture, $"v{profile.PlanVersion}|b{block}"));
        var draft = new WeekDraft([.. split.Days.Select((template, i) => new DayDraft(i, template, profile.Goal, profile.SessionMinutes))]);

        PlaceMainLifts(draft, picker, profile);
        PlaceSecondaries(draft, picker, profile, optional: false);
        var untrained = CoverEveryMuscle(draft, picker, profile);
        PlaceSecondaries(draft, picker, profile, optional: true);
        FillWithAccessories(draft, picker, profile);

        var isDeload = profile.Deload?.IsDeloadWeek(monday) ?? false;
        var deloadPercent = isDeload ? profile.Deload!.LoadReductionPercent : 0m;
        var newProgress = new Dictionary<string, ExerciseProgress>(StringComparer.Ordinal);
        var days = draft.Days.Select(day => new PlanDay(
            day.Index + 1,
            day.Template.Name,
            day.Template.Focus,
            (int)Math.Ceiling(day.Minutes),
            [.. Ordered(day).Select(pick => Plan(pick, profile, progressByExercise, newProgress, deloadPercent))])).ToList();

        return new WeeklyPlan(
            monday, isoYear, isoWeek, profile.PlanVersion, split.Kind, profile.Units, isDeload,
            days, untrained, [.. newProgress.Values.OrderBy(p => p.ExerciseId, StringComparer.Ordinal)]);
    }

    private static void PlaceMainLifts(WeekDraft week, ExercisePicker picker, TrainingProfile profile)
    {
        foreach (var day in week.Days)
        {
            foreach (var slot in day.Template.Slots.Where(s => s.Role == ExerciseRole.Main))
            {
                if (picker.Main(slot.Pattern, week, day) is not { } exercise)
                {
                    continue;
                }

                // A main lift may lose sets to fit; the first one of a day goes in even if it alone overruns.
                var sets = PlanVolume.SetsFor(ExerciseRole.Main, profile.Experience);
                while (!day.Fits(ExerciseRole.Main, sets) && sets > PlanVolume.MinimumSets)
                {
                    sets--;
                }

                if (day.Fits(ExerciseRole.Main, sets) || day.Picks.Count == 0)
                {
                    week.Add(day, exercise, ExerciseRole.Main, sets);
                }
            }
        }
    }

    private static void PlaceSecondaries(WeekDraft week, ExercisePicker picker, TrainingProfile profile, bool optional)
    {
        var sets = PlanVolume.SetsFor(ExerciseRole.Secondary, profile.Experience);
        foreach (var day in week.Days)
        {
            for (var i = 0; i < day.Template.Slots.Count; i++)
            {
                var slot = day.Template.Slots[i];
                if (slot.Role == ExerciseRole.Secondary && slot.Optional == optional
                    && day.Fits(ExerciseRole.Secondary, sets)
                    && picker.Secondary(slot.Pattern, week, day, i) is { } exercise)
                {
                    week.Add(day, exercise, ExerciseRole.Secondary, sets);
                }
            }
        }
    }

    private static List<UntrainedMuscle> CoverEveryMuscle(WeekDraft week, ExercisePicker picker, TrainingProfile profile)
    {
        var untrained = new List<UntrainedMuscle>();
        var sets = PlanVolume.SetsFor(ExerciseRole.Accessory, profile.Experience);
        foreach (var muscle in Enum.GetValues<MuscleGroup>())
        {
            if (week.ExercisesFor(muscle) > 0)
            {
                continue;
            }

            if (!picker.CanTrain(muscle))
            {
                untrained.Add(new UntrainedMuscle(muscle, UntrainedReason.NoExerciseForEquipment));
                continue;
            }

            var days = week.Days
                .OrderBy(d => DayFocusMuscles.Of(d.Template.Focus).Contains(muscle) ? 0 : 1)
                .ThenByDescending(d => d.MinutesLeft)
                .ThenBy(d => d.Index)
                .ToList();
            if (!TryAdd(week, picker, days, muscle, sets)
                && !TryAdd(week, picker, days, muscle, PlanVolume.MinimumSets)
                && !TryReplace(week, picker, days, muscle, sets)
                && !TryTrim(week, picker, days, muscle, profile.Goal))
            {
                untrained.Add(new UntrainedMuscle(muscle, UntrainedReason.NoRoomInSessions));
            }
        }

        return untrained;
    }

    private static bool TryAdd(WeekDraft week, ExercisePicker picker, List<DayDraft> days, MuscleGroup muscle, int sets)
    {
        foreach (var day in days)
        {
            if (day.Fits(ExerciseRole.Accessory, sets) && picker.Accessory(muscle, week, day) is { } exercise)
            {
                week.Add(day, exercise, ExerciseRole.Accessory, sets);
                return true;
            }
        }

        return false;
    }

    /// <summary>Swaps out a non-main exercise whose every primary muscle another exercise of the week also trains.</summary>
    private static bool TryReplace(WeekDraft week, ExercisePicker picker, List<DayDraft> days, MuscleGroup muscle, int sets)
    {
        foreach (var day in days)
        {
            var redundant = day.Picks
                .Where(p => p.Role != ExerciseRole.Main && p.Exercise.PrimaryMuscles.All(m => week.ExercisesFor(m) >= 2))
                .OrderByDescending(p => p.Sequence);
            foreach (var old in redundant)
            {
                if (picker.Accessory(muscle, week, day) is not { } exercise)
                {
                    break;
                }

                var fitting = new[] { sets, PlanVolume.MinimumSets }
                    .Where(s => day.Cost(ExerciseRole.Accessory, s) <= day.MinutesLeft + day.Cost(old.Role, old.Sets))
                    .Cast<int?>()
                    .FirstOrDefault();
                if (fitting is { } fit)
                {
                    week.Replace(day, old, exercise, ExerciseRole.Accessory, fit);
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Takes sets off the day's other exercises (accessories and secondaries down to
    /// <see cref="PlanVolume.MinimumSets"/>, main lifts down to <see cref="PlanVolume.MinimumMainSets"/>),
    /// most sets first, until an accessory of <see cref="PlanVolume.MinimumSets"/> sets fits.
    /// </summary>
    private static bool TryTrim(WeekDraft week, ExercisePicker picker, List<DayDraft> days, MuscleGroup muscle, TrainingGoal goal)
    {
        var cost = SessionBudget.Minutes(ExerciseRole.Accessory, PlanVolume.MinimumSets, goal);
        var roomiest = days
            .Select(day => (day, room: day.MinutesLeft + day.Picks.Sum(p => (p.Sets - Floor(p)) * SessionBudget.MinutesPerSet(p.Role, goal))))
            .OrderBy(d => DayFocusMuscles.Of(d.day.Template.Focus).Contains(muscle) ? 0 : 1)
            .ThenByDescending(d => d.room)
            .ThenBy(d => d.day.Index);
        foreach (var (day, room) in roomiest)
        {
            if (day.Picks.Count >= PlanVolume.MaxExercisesPerDay || room < cost
                || picker.Accessory(muscle, week, day) is not { } exercise)
            {
                continue;
            }

            while (day.MinutesLeft < cost)
            {
                var trim = day.Picks.Where(p => p.Sets > Floor(p)).OrderByDescending(p => p.Sets).ThenByDescending(p => p.Role).First();
                day.Replace(trim, trim with { Sets = trim.Sets - 1 });
            }

            week.Add(day, exercise, ExerciseRole.Accessory, PlanVolume.MinimumSets);
            return true;
        }

        return false;

        static int Floor(Pick pick) => pick.Role == ExerciseRole.Main ? PlanVolume.MinimumMainSets : PlanVolume.MinimumSets;
    }

    private static void FillWithAccessories(WeekDraft week, ExercisePicker picker, TrainingProfile profile)
    {
        var sets = PlanVolume.SetsFor(ExerciseRole.Accessory, profile.Experience);
        foreach (var day in week.Days)
        {
            // A focus the equipment cannot train at all (a pull day with bodyweight only) takes the whole body.
            var focus = DayFocusMuscles.Of(day.Template.Focus);
            if (day.Picks.Count == 0 && focus.All(m => picker.Accessory(m, week, day) is null))
            {
                focus = DayFocusMuscles.Of(DayFocus.FullBody);
            }

            while (day.Fits(ExerciseRole.Accessory, sets))
            {
                var next = focus
                    .Select((muscle, order) => (muscle, order))
                    .OrderBy(m => week.SetsFor(m.muscle))
                    .ThenBy(m => m.order)
                    .Select(m => picker.Accessory(m.muscle, week, day))
                    .FirstOrDefault(e => e is not null);
                if (next is null)
                {
                    break;
                }

                week.Add(day, next, ExerciseRole.Accessory, sets);
            }
        }
    }

    /// <summary>Compounds first (main, secondary, compound accessories), then isolation; placement order within each.</summary>
    private static IEnumerable<Pick> Ordered(DayDraft day) =>
        day.Picks.OrderBy(p => p.Exercise.IsCompound ? 0 : 1).ThenBy(p => p.Role).ThenBy(p => p.Sequence);

    private static PlannedExercise Plan(
        Pick pick,
        TrainingProfile profile,
        IReadOnlyDictionary<string, ExerciseProgress> progressByExercise,
        Dictionary<string, ExerciseProgress> newProgress,
        decimal deloadPercent)
    {
        var setup = profile.LoadingSetup;
        var exercise = pick.Exercise;
        if (!progressByExercise.TryGetValue(exercise.Id, out var progress))
        {
            if (!newProgress.TryGetValue(exercise.Id, out progress))
            {
                var scheme = DefaultSchemes.For(profile.Goal, profile.Experience, exercise, pick.Role);
                progress = ExerciseProgress.Start(exercise, scheme, profile.Experience, profile.Units, setup);
                newProgress.Add(exercise.Id, progress);
            }
        }

        var inUnits = ProgressionEngine.ConvertTo(progress, profile.Units, setup);
        return new PlannedExercise(
            exercise.Id,
            pick.Role,
            ExerciseMeasures.For(exercise),
            inUnits.Scheme,
            ProgressionEngine.Prescribe(inUnits, pick.Sets, deloadPercent, setup));
    }
}
