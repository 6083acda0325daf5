using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.GraphQL.DataLoaders;

namespace WorkoutTracker.Server.Sessions;

/// <summary>The sets of many sessions in one query, in logged order.</summary>
public sealed class SetsBySessionIdDataLoader(IDbContextFactory<WorkoutDb> dbFactory) : GroupDataLoader<Guid, WorkoutSet>
{
    protected override async Task<ILookup<Guid, WorkoutSet>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sets = await db.Sets.AsNoTracking().Where(s => keys.Contains(s.SessionId)).OrderBy(s => s.Order).ToListAsync(cancellationToken);
        return sets.ToLookup(s => s.SessionId);
    }
}
