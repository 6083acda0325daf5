using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;

namespace WorkoutTracker.Bff.Data;

/// <summary>
/// <see cref="IDistributedCache"/> over <c>bff.cache_entries</c>, so caches that must be shared by every
/// BFF instance (Microsoft.Identity.Web's token cache) live in PostgreSQL with the sessions.
/// </summary>
internal sealed class PostgresDistributedCache(IDbContextFactory<BffDb> dbs, TimeProvider clock) : IDistributedCache
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(20);

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        await using var db = await dbs.CreateDbContextAsync(token);
        var now = clock.GetUtcNow();
        var entry = await db.CacheEntries.SingleOrDefaultAsync(e => e.Key == key && e.ExpiresAt > now, token);
        if (entry?.SlidingExpiration is { } sliding)
        {
            entry.ExpiresAt = Min(now + sliding, entry.AbsoluteExpiresAt);
            await db.SaveChangesAsync(token);
        }

        return entry?.Value;
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        var now = clock.GetUtcNow();
        var absolute = options.AbsoluteExpiration ?? (options.AbsoluteExpirationRelativeToNow is { } relative ? now + relative : null);
        var expires = options.SlidingExpiration is { } sliding ? Min(now + sliding, absolute) : absolute ?? now + DefaultLifetime;
        await using var db = await dbs.CreateDbContextAsync(token);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO bff.cache_entries (key, value, expires_at, sliding_expiration, absolute_expires_at)
            VALUES ({key}, {value}, {expires}, {options.SlidingExpiration}, {absolute})
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at,
                sliding_expiration = excluded.sliding_expiration, absolute_expires_at = excluded.absolute_expires_at
            """, token);
        await db.CacheEntries.Where(e => e.ExpiresAt < now).ExecuteDeleteAsync(token);
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public Task RefreshAsync(string key, CancellationToken token = default) => GetAsync(key, token);

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        await using var db = await dbs.CreateDbContextAsync(token);
        await db.CacheEntries.Where(e => e.Key == key).ExecuteDeleteAsync(token);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other < a ? other : a;
}
