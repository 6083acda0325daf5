using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.GraphQL.DataLoaders;

namespace WorkoutTracker.Server.Sessions;

/// <summary>The <c>limit</c> newest sessions of each of many athletes, in one query (row_number per athlete).</summary>
public sealed class RecentSessionsByAthleteIdDataLoader(IDbContextFactory<WorkoutDb> dbFactory, int limit) : GroupDataLoader<Guid, TrainingSession>
{
    public const int MaxLimit = 20;

    protected override async Task<ILookup<Guid, TrainingSession>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        var athletes = keys.ToArray();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sessions = await db.Sessions.FromSql($"""
                SELECT id, athlete_id, plan_day_number, started_at, finished_at, version
                FROM (
                    SELECT s.*, row_number() OVER (PARTITION BY s.athlete_id ORDER BY s.started_at DESC, s.id DESC) AS position
                    FROM sessions s WHERE s.athlete_id = ANY({athletes})
                ) ranked
                WHERE position <= {limit}
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return sessions.OrderByDescending(s => s.StartedAt).ThenByDescending(s => s.Id).ToLookup(s => s.AthleteId);
    }
}
