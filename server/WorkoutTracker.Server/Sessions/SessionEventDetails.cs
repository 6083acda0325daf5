using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.Data;

namespace WorkoutTracker.Server.Sessions;

/// <summary>
/// What an event's subscribers load (the set, the week's body map), loaded once per event and server
/// instance and shared by every subscriber that selects it: a coach dashboard with a thousand open sockets
/// costs one query per event, not a thousand. The first asker starts the load and every other one awaits
/// that same task (a plain get-or-create would let a thousand concurrent first askers each query). Entries
/// live briefly; every subscriber of an event asks within moments of the others. Nothing is loaded for an
/// event whose subscribers do not select these fields.
/// </summary>
public sealed class SessionEventDetails(IMemoryCache cache, IDbContextFactory<WorkoutDb> dbFactory, BodyMapReads bodyMaps)
{
    private static readonly TimeSpan Keep = TimeSpan.FromSeconds(30);
    private readonly Lock _gate = new();

    public Task<WorkoutSet?> SetAsync(LiveEvent e) =>
        e.SetId is not { } setId || e.Kind == EventKind.SetDeleted
            ? Task.FromResult<WorkoutSet?>(null)
            : Shared(("event-set", setId, e.SessionVersion), async () =>
            {
                await using var db = await dbFactory.CreateDbContextAsync();
                return await db.Sets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == setId);
            });

    public Task<BodyMapView?> BodyMapAsync(LiveEvent e) =>
        e.BodyMapWeekStart is not { } week
            ? Task.FromResult<BodyMapView?>(null)
            : Shared(("event-body-map", e.AthleteId, week, e.BodyMapVersion), async () =>
            {
                var key = (e.AthleteId, week);
                return (BodyMapView?)(await bodyMaps.LoadAsync([key], CancellationToken.None))[key];
            });

    private Task<T> Shared<T>(object key, Func<Task<T>> load)
    {
        Task<T> task;
        lock (_gate)
        {
            if (cache.TryGetValue(key, out Task<T>? cached) && cached is { IsFaulted: false, IsCanceled: false })
            {
                return cached;
            }

            task = load();
            cache.Set(key, task, Keep);
        }

        return task;
    }
}
