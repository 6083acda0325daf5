using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Sessions;

namespace WorkoutTracker.Server.Coaching.Copilot;

/// <summary>
/// A copilot suggestion for a session as it stood at <see cref="SessionVersion"/>; <see cref="Cursor"/> is set
/// on those <c>copilotUpdated</c> pushes (the event-log position of the last set it follows).
/// </summary>
public sealed record CopilotSuggestion(Guid SessionId, int SessionVersion, CopilotAdvice Advice, string? Cursor = null);

/// <summary>Loads what <see cref="CopilotEngine"/> needs for a session (profile, plan day, progress, sets) and asks it.</summary>
public sealed class CopilotService(
    SessionReads reads,
    IDbContextFactory<WorkoutDb> dbFactory,
    ProfileService profiles,
    WeeklyPlanService plans,
    ExerciseLookup exercisesOf)
{
    /// <summary>The suggestion for a session the reader may read (the athlete, or a linked coach).</summary>
    public async Task<CopilotSuggestion> SuggestAsync(User reader, Guid sessionId, IReadOnlyCollection<Equipment> equipmentTaken, CancellationToken cancellationToken)
    {
        var session = await reads.FindAsync(reader, sessionId, cancellationToken) ?? throw new NotFoundException("Session", sessionId.ToString());
        return await SuggestAsync(session.Id, equipmentTaken, cancellationToken);
    }

    /// <summary>The suggestion for a session whose access was already checked (a subscription's events).</summary>
    public async Task<CopilotSuggestion> SuggestAsync(Guid sessionId, IReadOnlyCollection<Equipment> equipmentTaken, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, cancellationToken);
        if (session.IsFinished)
        {
            return new CopilotSuggestion(session.Id, session.Version, new CopilotAdvice(null, 0, null, "This session is finished."));
        }

        var sets = await db.Sets.AsNoTracking().Where(s => s.SessionId == sessionId).OrderBy(s => s.Order)
            .Select(s => new LoggedSet(s.ExerciseId, s.LoadKg, s.Reps, s.Rpe, s.IsWarmup))
            .ToListAsync(cancellationToken);
        var profile = (await profiles.GetAsync(session.AthleteId, cancellationToken)).ToTrainingProfile();
        var progress = await plans.LoadProgressAsync(session.AthleteId, cancellationToken);
        // The athlete's exercises (the catalog and their own) and their week as edited, in the athlete's time zone: a swapped-in or custom exercise is advised on like any other.
        var exercises = await exercisesOf.UsableAsync(session.AthleteId, cancellationToken);
        var timeZone = await db.Users.Where(u => u.Id == session.AthleteId).Select(u => u.TimeZone).SingleAsync(cancellationToken);
        var weekStart = Common.Calendar.AthleteCalendar.WeekStartOf(session.StartedAt, Common.Calendar.AthleteCalendar.Zone(timeZone));
        var plan = (await plans.GetAsync(session.AthleteId, weekStart, cancellationToken)).Plan;
        var day = plan.Days.FirstOrDefault(d => d.DayNumber == session.PlanDayNumber)?.Exercises ?? [];

        var advice = CopilotEngine.Suggest(new CopilotInput(
            profile, day, sets, exercises.ToDictionary(e => e.Id, StringComparer.Ordinal), progress, [.. equipmentTaken.Distinct()]));
        return new CopilotSuggestion(session.Id, session.Version, advice);
    }
}
