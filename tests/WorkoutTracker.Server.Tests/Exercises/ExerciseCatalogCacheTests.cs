using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Exercises;

/// <summary>The catalog is read once per process, but a read that failed (the database was restarting) is not kept.</summary>
public sealed class ExerciseCatalogCacheTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    [Fact]
    public async Task A_failed_first_read_is_retried_by_the_next_caller_and_a_good_read_is_kept()
    {
        var database = new FailingOnceFactory(api.Services.GetRequiredService<IDbContextFactory<WorkoutDb>>());
        var cache = new ExerciseCatalogCache(database);

        await Assert.ThrowsAsync<InvalidOperationException>(cache.AllAsync);
        var all = await cache.AllAsync();
        var again = await cache.FindAsync("barbell-back-squat");

        Assert.Equal(ExerciseCatalog.All.Count, all.Count);
        Assert.NotNull(again);
        Assert.Equal(2, database.Opened);
    }

    private sealed class FailingOnceFactory(IDbContextFactory<WorkoutDb> inner) : IDbContextFactory<WorkoutDb>
    {
        public int Opened { get; private set; }

        public WorkoutDb CreateDbContext() => throw new NotSupportedException();

        public Task<WorkoutDb> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            ++Opened == 1 ? throw new InvalidOperationException("database restarting") : inner.CreateDbContextAsync(cancellationToken);
    }
}
