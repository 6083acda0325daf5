using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Coaching;

/// <summary>
/// Who may read an athlete's data: the athlete, and coaches with an active link to them. Nobody writes
/// another athlete's data. Every field exposing an athlete goes through here.
/// </summary>
public sealed class AthleteAccess(IDbContextFactory<WorkoutDb> dbFactory)
{
    /// <summary>The athlete whose data is asked for: <paramref name="athleteId"/>, or the reader themselves when null.</summary>
    public Task<Guid> ResolveReadableAthleteAsync(User reader, Guid? athleteId, CancellationToken cancellationToken) =>
        ResolveReadableAthleteAsync(reader.Id, reader.Role, athleteId, cancellationToken);

    /// <inheritdoc cref="ResolveReadableAthleteAsync(User, Guid?, CancellationToken)"/>
    public async Task<Guid> ResolveReadableAthleteAsync(Guid readerId, UserRole readerRole, Guid? athleteId, CancellationToken cancellationToken)
    {
        var target = athleteId ?? readerId;
        if (target == readerId)
        {
            return readerRole == UserRole.Athlete
                ? target
                : throw new ValidationException("athleteId", "coaches must name the athlete.");
        }

        await EnsureCoachOfAsync(readerId, readerRole, target, cancellationToken);
        return target;
    }

    /// <summary>The athlete's time zone (their days and weeks): the reader's own, or read for a coach's athlete.</summary>
    public async Task<TimeZoneInfo> TimeZoneOfAsync(User reader, Guid athleteId, CancellationToken cancellationToken)
    {
        if (athleteId == reader.Id)
        {
            return Common.Calendar.AthleteCalendar.Zone(reader.TimeZone);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return Common.Calendar.AthleteCalendar.Zone(
            await db.Users.Where(u => u.Id == athleteId).Select(u => u.TimeZone).SingleOrDefaultAsync(cancellationToken));
    }

    public async Task EnsureCanReadAsync(User reader, Guid athleteId, CancellationToken cancellationToken)
    {
        if (athleteId != reader.Id)
        {
            await EnsureCoachOfAsync(reader.Id, reader.Role, athleteId, cancellationToken);
        }
    }

    /// <summary>The athletes a coach may read (active links).</summary>
    public async Task<IReadOnlyList<Guid>> AthletesOfAsync(Guid coachId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CoachLinks.AsNoTracking()
            .Where(l => l.CoachId == coachId && l.Status == CoachLinkStatus.Active && l.AthleteId != null)
            .Select(l => l.AthleteId!.Value)
            .ToListAsync(cancellationToken);
    }

    private async Task EnsureCoachOfAsync(Guid readerId, UserRole readerRole, Guid athleteId, CancellationToken cancellationToken)
    {
        if (readerRole != UserRole.Coach)
        {
            throw new ForbiddenException("Athletes read only their own data.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var linked = await db.CoachLinks.AnyAsync(
            l => l.CoachId == readerId && l.AthleteId == athleteId && l.Status == CoachLinkStatus.Active, cancellationToken);
        if (!linked)
        {
            throw new NotYourAthleteException();
        }
    }
}
