using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Coaching.Agent;

/// <summary>
/// The one athlete a question is about, fixed when the request's tools are built (after
/// <see cref="AthleteAccess"/> said the reader may see them). Plugins read only this athlete: nothing
/// the model sends can point them elsewhere.
/// </summary>
public sealed record CoachScope(Guid AthleteId, string AthleteName, TrainingProfile Profile, DateOnly Today)
{
    public DateOnly ThisWeek => IsoWeeks.MondayOf(Today);

    /// <summary>Whether a coach asks about the athlete (the answer still speaks to the athlete, and says who it is about).</summary>
    public bool AskedByCoach { get; init; }

    /// <summary>The athlete's time zone: the days of their sessions and records are theirs.</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;
}

/// <summary>Builds the scope of a question for an athlete the reader was allowed to read.</summary>
public sealed class CoachScopes(ProfileService profiles, IDbContextFactory<WorkoutDb> dbFactory, TimeProvider clock)
{
    public async Task<CoachScope> ForAsync(Guid athleteId, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(athleteId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var athlete = await db.Users.Where(u => u.Id == athleteId).Select(u => new { u.DisplayName, u.TimeZone }).SingleAsync(cancellationToken);
        var zone = Common.Calendar.AthleteCalendar.Zone(athlete.TimeZone);
        var today = Common.Calendar.AthleteCalendar.DayOf(clock.GetUtcNow(), zone);
        return new CoachScope(athleteId, athlete.DisplayName, profile.ToTrainingProfile(), today) { Zone = zone };
    }
}
