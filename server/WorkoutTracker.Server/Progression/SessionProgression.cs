using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Sessions;

namespace WorkoutTracker.Server.Progression;

/// <summary>
/// Feeds a finished session to the progression engine, inside finishSession's transaction: for every
/// exercise trained, the session's sets (converted to the athlete's unit) are judged against the
/// targets the plan prescribed for that day (or, off-plan, what the exercise's progression prescribes),
/// the progress advances and is stored, and the profile's progression version bumps so the next weekly
/// plan, and its ETag, reflect it.
/// </summary>
public sealed class SessionProgression(ExerciseCatalogCache catalog, ExerciseLookup lookup)
{
    public Task ApplyAsync(WorkoutDb db, TrainingSession session, CancellationToken ct) =>
        ApplyAsync(db, session.AthleteId, [session], ct);

    /// <summary>
    /// Feeds several finished sessions of one athlete, oldest first, as finishing each in turn would (an
    /// imported history): progress is read once, advanced in memory session by session, and written once.
    /// </summary>
    public async Task ApplyAsync(WorkoutDb db, Guid athleteId, IReadOnlyList<TrainingSession> sessions, CancellationToken ct)
    {
        var ids = sessions.Select(s => s.Id).ToList();
        var setsBySession = (await db.Sets.AsNoTracking().Where(s => ids.Contains(s.SessionId)).OrderBy(s => s.Order).ToListAsync(ct))
            .ToLookup(s => s.SessionId);
        if (setsBySession.Count == 0)
        {
            return;
        }

        var profileRow = await db.AthleteProfiles.SingleOrDefaultAsync(p => p.UserId == athleteId, ct);
        var profile = profileRow ?? new AthleteProfile { UserId = athleteId, UpdatedAt = DateTimeOffset.UnixEpoch };
        var catalogExercises = await catalog.AllAsync();
        var exercises = (await lookup.ByIdsAsync([.. setsBySession.SelectMany(g => g).Select(s => s.ExerciseId).Distinct()], ct)).ToDictionary(StringComparer.Ordinal);
        var stored = await db.ExerciseProgress.Where(p => p.AthleteId == athleteId).ToDictionaryAsync(p => p.ExerciseId, StringComparer.Ordinal, ct);
        var progress = stored.ToDictionary(p => p.Key, p => p.Value.ToProgress(), StringComparer.Ordinal);
        var training = profile.ToTrainingProfile();
        var zone = Common.Calendar.AthleteCalendar.Zone(await db.Users.Where(u => u.Id == athleteId).Select(u => u.TimeZone).SingleAsync(ct));
        var setup = training.LoadingSetup;
        var updatedAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);

        foreach (var session in sessions)
        {
            var sets = setsBySession[session.Id].ToList();
            if (sets.Count == 0)
            {
                continue;
            }

            var plan = PlanGenerator.Generate(training, catalogExercises, progress, Common.Calendar.AthleteCalendar.DayOf(session.StartedAt, zone));
            IReadOnlyDictionary<string, Exercise> edited = new Dictionary<string, Exercise>(StringComparer.Ordinal);
            if (await db.PlanEdits.AsNoTracking().SingleOrDefaultAsync(e => e.AthleteId == athleteId && e.WeekStart == plan.WeekStart, ct) is { } weekEdits
                && PlanEdits.Deserialize(weekEdits.Edits) is { Count: > 0 } edits)
            {
                // The week as edited: a swapped-in exercise is judged against the targets it was planned with.
                var named = edits.SelectMany(e => new[] { e.ExerciseId, e.WithExerciseId }.Concat(e.ExerciseIds ?? [])).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
                var usable = (await lookup.ByIdsAsync(named, ct)).Where(e => e.Value.OwnerId is null || e.Value.OwnerId == athleteId).ToDictionary(StringComparer.Ordinal);
                plan = PlanEdits.Apply(plan, edits, usable, PlanEditPlanner.For(training, plan, progress));
                edited = usable;
            }

            var plannedToday = plan.Days.FirstOrDefault(d => d.DayNumber == session.PlanDayNumber)?.Exercises.ToDictionary(e => e.ExerciseId, StringComparer.Ordinal)
                ?? [];
            foreach (var group in sets.GroupBy(s => s.ExerciseId))
            {
                var exercise = exercises[group.Key];
                // A swapped-in exercise starts where the plan edit planned it (from the exercise it replaced).
                var current = progress.GetValueOrDefault(group.Key)
                    ?? plan.NewProgress.FirstOrDefault(p => p.ExerciseId == group.Key)
                    ?? (plannedToday.TryGetValue(group.Key, out var swappedIn) && swappedIn.SwappedFromExerciseId is { } from
                        ? PlanEditPlanner.StartingProgress(training, plan, progress, exercise, swappedIn.Role, edited.GetValueOrDefault(from))
                        : null)
                    ?? ExerciseProgress.Start(exercise, DefaultSchemes.For(training.Goal, training.Experience, exercise, exercise.IsCompound ? ExerciseRole.Secondary : ExerciseRole.Accessory), training.Experience, training.Units, setup);
                // Drop sets follow a work set at a lighter load: they are hard sets, but not the straight sets the targets prescribe.
                var performed = group.Where(s => s.SetType != SetType.Drop)
                    .Select(s => new PerformedSet(WeightConversion.Convert(s.LoadKg, WeightUnit.Kg, current.Unit), s.Reps, s.Rpe, s.IsWarmup)).ToList();
                if (performed.Count == 0)
                {
                    continue;
                }

                var workSets = Math.Max(1, performed.Count(s => !s.IsWarmup));
                var targets = plannedToday.TryGetValue(group.Key, out var planned)
                    ? planned.TargetSets
                    : ProgressionEngine.Prescribe(current, workSets, setup: setup);
                progress[group.Key] = ProgressionEngine.Advance(current, new SessionOutcome(group.Key, current.Unit, targets, performed, plan.IsDeloadWeek), setup);
                updatedAt[group.Key] = session.FinishedAt ?? DateTimeOffset.UtcNow;
            }
        }

        foreach (var (exerciseId, at) in updatedAt)
        {
            var next = progress[exerciseId];
            if (stored.TryGetValue(exerciseId, out var row))
            {
                row.State = StoredProgress.Serialize(next);
                row.UpdatedAt = at;
            }
            else
            {
                db.ExerciseProgress.Add(new StoredProgress
                {
                    AthleteId = athleteId,
                    ExerciseId = exerciseId,
                    State = StoredProgress.Serialize(next),
                    UpdatedAt = at,
                });
            }
        }

        if (profileRow is null)
        {
            profile.ProgressionVersion = 1;
            db.AthleteProfiles.Add(profile);
        }
        else
        {
            profileRow.ProgressionVersion++;
        }

        await db.SaveChangesAsync(ct);
    }
}
