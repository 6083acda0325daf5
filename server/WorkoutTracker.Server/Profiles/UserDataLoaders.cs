using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.GraphQL.DataLoaders;

namespace WorkoutTracker.Server.Profiles;

/// <summary>Users by id (coach links, athletes of a coach).</summary>
public sealed class UserByIdDataLoader(IDbContextFactory<WorkoutDb> dbFactory) : BatchDataLoader<Guid, User>
{
    protected override async Task<IReadOnlyDictionary<Guid, User>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => keys.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
    }
}
