using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.GraphQL.DataLoaders;

namespace WorkoutTracker.Server.Sessions;

/// <summary>The <c>limit</c> newest sessions of each of many athletes, in one query.</summary>
public sealed class RecentSessionsByAthleteIdDataLoader(IDbContextFactory<WorkoutDb> dbFactory, int limit) : GroupDataLoader<Guid, TrainingSession>
{
    public const int MaxLimit = 20;

    protected override async Task<ILookup<Guid, TrainingSession>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        var athletes = keys.ToArray();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One index range scan per athlete (athlete_id, started_at DESC, id DESC), however many sessions each has.
        var sessions = await db.Sessions.FromSql($"""
                SELECT recent.*
                FROM unnest({athletes}) AS athlete(id)
                CROSS JOIN LATERAL (
                    SELECT * FROM sessions s WHERE s.athlete_id = athlete.id ORDER BY s.started_at DESC, s.id DESC LIMIT {limit}
                ) recent
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return sessions.OrderByDescending(s => s.StartedAt).ThenByDescending(s => s.Id).ToLookup(s => s.AthleteId);
    }
}
