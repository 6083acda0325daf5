using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Common.Calendar;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.GraphQL.Caching;
using WorkoutTracker.Server.Identity;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Coaching;

/// <summary>
/// The ETag part of a root field about one athlete's week (<c>athleteId</c>, <c>weekStart</c> arguments):
/// resolves the athlete as the field would (the caller or a linked coach) and the week (this one by
/// default), then reads just the version. Not cacheable (null) whenever the field would answer an error.
/// <para>
/// A revalidation reads nothing from the database once warm: the caller comes from
/// <see cref="KnownCallers"/>, and a coach's link and the version from <see cref="AthleteVersionCache"/>,
/// which forgets an athlete's entries when the event log (or a local commit) says the athlete changed.
/// </para>
/// </summary>
public abstract class AthleteWeekVersion : IRootFieldVersion
{
    public abstract string FieldName { get; }

    public async ValueTask<string?> GetVersionAsync(RootFieldRequest request, CancellationToken cancellationToken)
    {
        var services = request.Services;
        var caller = await services.GetRequiredService<CurrentUser>().FindCallerAsync(request.User, cancellationToken);
        if (caller is null || !request.TryGetUuid("athleteId", out var requested) || !request.TryGetDate("weekStart", out var week))
        {
            return null;
        }

        var cache = services.GetRequiredService<AthleteVersionCache>();
        try
        {
            var athleteId = requested ?? caller.Id;
            if (athleteId == caller.Id)
            {
                if (caller.Role != UserRole.Athlete)
                {
                    return null;
                }
            }
            else
            {
                // Only a granted link is kept; ending it is an event of the athlete, which forgets it.
                await cache.GetOrLoadAsync<string>(athleteId, "coach:" + caller.Id.ToString("N"), async ct =>
                {
                    await services.GetRequiredService<AthleteAccess>().ResolveReadableAthleteAsync(caller.Id, caller.Role, athleteId, ct);
                    return "linked";
                }, cancellationToken);
            }

            var zone = week is null
                ? athleteId == caller.Id
                    ? AthleteCalendar.Zone((await services.GetRequiredService<CurrentUser>().RequireAsync(request.User, cancellationToken)).TimeZone)
                    : await ZoneAsync(services, cache, athleteId, cancellationToken)
                : TimeZoneInfo.Utc;
            var weekStart = BodyMapQueries.WeekArgument(week, services.GetRequiredService<TimeProvider>(), zone);
            var version = await cache.GetOrLoadAsync<string>(
                athleteId,
                FieldName + "/" + BodyMapRules.ToIsoDate(weekStart),
                async ct => await ReadVersionAsync(services, athleteId, weekStart, ct),
                cancellationToken);
            return $"{athleteId}/{BodyMapRules.ToIsoDate(weekStart)}/{version}";
        }
        catch (DomainException)
        {
            return null;
        }
    }

    /// <summary>
    /// A user's time zone, which decides their "this week", kept with their versions (a profile change is an
    /// event of the user, which forgets it).
    /// </summary>
    internal static async Task<TimeZoneInfo> ZoneAsync(IServiceProvider services, AthleteVersionCache cache, Guid athleteId, CancellationToken cancellationToken)
    {
        var id = await cache.GetOrLoadAsync<string>(athleteId, "timeZone", async ct =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<WorkoutDb>>().CreateDbContextAsync(ct);
            return await db.Users.Where(u => u.Id == athleteId).Select(u => u.TimeZone).SingleOrDefaultAsync(ct);
        }, cancellationToken);
        return AthleteCalendar.Zone(id);
    }

    /// <summary>The version of the athlete's data for the week, read without loading it.</summary>
    protected abstract Task<string> ReadVersionAsync(IServiceProvider services, Guid athleteId, DateOnly weekStart, CancellationToken cancellationToken);
}
