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

/// <summary>The added and superset-grouped exercises of many sessions in one query, added ones in the order they were added.</summary>
public sealed class SessionExercisesBySessionIdDataLoader(IDbContextFactory<WorkoutDb> dbFactory) : GroupDataLoader<Guid, SessionExercise>
{
    protected override async Task<ILookup<Guid, SessionExercise>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.SessionExercises.AsNoTracking().Where(e => keys.Contains(e.SessionId))
            .OrderBy(e => e.Position).ThenBy(e => e.ExerciseId).ToListAsync(cancellationToken);
        return rows.ToLookup(e => e.SessionId);
    }
}
