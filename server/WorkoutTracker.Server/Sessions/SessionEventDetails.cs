using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Data;

namespace WorkoutTracker.Server.Sessions;

/// <summary>
/// What an event's subscribers load (the set, the week's body map), loaded once per event and server
/// instance and shared by every subscriber of it: a coach dashboard with a thousand open sockets costs
/// one query per event, not a thousand. Entries live briefly; every subscriber of an event asks within
/// moments of the others.
/// </summary>
public sealed class SessionEventDetails(IMemoryCache cache, IDbContextFactory<WorkoutDb> dbFactory, BodyMapReads bodyMaps)
{
    private static readonly TimeSpan Keep = TimeSpan.FromSeconds(30);

    public Task<WorkoutSet?> SetAsync(SessionEventNotice notice) =>
        notice.SetId is not { } setId || notice.Kind == SessionEventKind.SetDeleted
            ? Task.FromResult<WorkoutSet?>(null)
            : cache.GetOrCreateAsync(("event-set", setId, notice.SessionVersion), async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = Keep;
                await using var db = await dbFactory.CreateDbContextAsync();
                return await db.Sets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == setId);
            });

    public Task<BodyMapView?> BodyMapAsync(SessionEventNotice notice) =>
        notice.BodyMapWeekStart is not { } week
            ? Task.FromResult<BodyMapView?>(null)
            : cache.GetOrCreateAsync(("event-body-map", notice.AthleteId, week, notice.BodyMapVersion), async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = Keep;
                var key = (notice.AthleteId, week);
                return (BodyMapView?)(await bodyMaps.LoadAsync([key], CancellationToken.None))[key];
            });
}
