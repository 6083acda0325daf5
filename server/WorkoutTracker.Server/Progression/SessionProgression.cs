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
public sealed class SessionProgression(ExerciseCatalogCache catalog)
{
    public async Task ApplyAsync(WorkoutDb db, TrainingSession session, CancellationToken ct)
    {
        var sets = await db.Sets.AsNoTracking().Where(s => s.SessionId == session.Id).OrderBy(s => s.Order).ToListAsync(ct);
        if (sets.Count == 0)
        {
            return;
        }

        var profileRow = await db.AthleteProfiles.SingleOrDefaultAsync(p => p.UserId == session.AthleteId, ct);
        var profile = profileRow ?? new AthleteProfile { UserId = session.AthleteId, UpdatedAt = DateTimeOffset.UnixEpoch };
        var exercises = (await catalog.AllAsync()).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var stored = await db.ExerciseProgress.Where(p => p.AthleteId == session.AthleteId).ToDictionaryAsync(p => p.ExerciseId, StringComparer.Ordinal, ct);
        var progress = stored.ToDictionary(p => p.Key, p => p.Value.ToProgress(), StringComparer.Ordinal);

        var training = profile.ToTrainingProfile();
        var timeZone = await db.Users.Where(u => u.Id == session.AthleteId).Select(u => u.TimeZone).SingleAsync(ct);
        var startedOn = Common.Calendar.AthleteCalendar.DayOf(session.StartedAt, Common.Calendar.AthleteCalendar.Zone(timeZone));
        var plan = PlanGenerator.Generate(training, [.. exercises.Values], progress, startedOn);
        var plannedToday = plan.Days.FirstOrDefault(d => d.DayNumber == session.PlanDayNumber)?.Exercises.ToDictionary(e => e.ExerciseId, StringComparer.Ordinal)
            ?? [];
        var setup = training.LoadingSetup;

        foreach (var group in sets.GroupBy(s => s.ExerciseId))
        {
            var exercise = exercises[group.Key];
            var current = progress.GetValueOrDefault(group.Key)
                ?? plan.NewProgress.FirstOrDefault(p => p.ExerciseId == group.Key)
                ?? ExerciseProgress.Start(exercise, DefaultSchemes.For(training.Goal, training.Experience, exercise, exercise.IsCompound ? ExerciseRole.Secondary : ExerciseRole.Accessory), training.Experience, training.Units, setup);
            var performed = group.Select(s => new PerformedSet(WeightConversion.Convert(s.LoadKg, WeightUnit.Kg, current.Unit), s.Reps, s.Rpe, s.IsWarmup)).ToList();
            var workSets = Math.Max(1, performed.Count(s => !s.IsWarmup));
            var targets = plannedToday.TryGetValue(group.Key, out var planned)
                ? planned.TargetSets
                : ProgressionEngine.Prescribe(current, workSets, setup: setup);
            var next = ProgressionEngine.Advance(current, new SessionOutcome(group.Key, current.Unit, targets, performed, plan.IsDeloadWeek), setup);

            if (stored.TryGetValue(group.Key, out var row))
            {
                row.State = StoredProgress.Serialize(next);
                row.UpdatedAt = session.FinishedAt ?? DateTimeOffset.UtcNow;
            }
            else
            {
                db.ExerciseProgress.Add(new StoredProgress
                {
                    AthleteId = session.AthleteId,
                    ExerciseId = group.Key,
                    State = StoredProgress.Serialize(next),
                    UpdatedAt = session.FinishedAt ?? DateTimeOffset.UtcNow,
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
