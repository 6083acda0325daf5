using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace WorkoutTracker.Bff.Data;

/// <summary>
/// The BFF's own tables, in schema <c>bff</c> of the server's database (<c>ConnectionStrings:Workouts</c>):
/// server-side sessions, Data Protection keys and a small distributed cache. Every BFF instance shares
/// them, so a cookie issued by one instance works on any other. <see cref="BffDatabase"/> creates them.
/// </summary>
public sealed class BffDb(DbContextOptions<BffDb> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string Schema = "bff";

    public DbSet<BffSession> Sessions => Set<BffSession>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<CacheEntry> CacheEntries => Set<CacheEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<BffSession>(session =>
        {
            session.ToTable("sessions");
            session.HasKey(s => s.Key);
            session.Property(s => s.Key).HasColumnName("key");
            session.Property(s => s.Subject).HasColumnName("subject");
            session.Property(s => s.Ticket).HasColumnName("ticket");
            session.Property(s => s.Tokens).HasColumnName("tokens");
            session.Property(s => s.ExpiresAt).HasColumnName("expires_at");
            session.Property(s => s.CreatedAt).HasColumnName("created_at");
            session.Property(s => s.UpdatedAt).HasColumnName("updated_at");
        });
        modelBuilder.Entity<DataProtectionKey>(key =>
        {
            key.ToTable("data_protection_keys");
            key.Property(k => k.Id).HasColumnName("id");
            key.Property(k => k.FriendlyName).HasColumnName("friendly_name");
            key.Property(k => k.Xml).HasColumnName("xml");
        });
        modelBuilder.Entity<CacheEntry>(entry =>
        {
            entry.ToTable("cache_entries");
            entry.HasKey(e => e.Key);
            entry.Property(e => e.Key).HasColumnName("key");
            entry.Property(e => e.Value).HasColumnName("value");
            entry.Property(e => e.ExpiresAt).HasColumnName("expires_at");
            entry.Property(e => e.SlidingExpiration).HasColumnName("sliding_expiration");
            entry.Property(e => e.AbsoluteExpiresAt).HasColumnName("absolute_expires_at");
        });
    }
}

/// <summary>
/// One signed-in browser or phone. <see cref="Ticket"/> is the protected authentication ticket (claims,
/// expiry) and <see cref="Tokens"/> the protected access and refresh tokens; they are written apart so a
/// sliding-expiry renewal of the ticket never overwrites tokens refreshed meanwhile.
/// </summary>
public sealed class BffSession
{
    public required string Key { get; init; }

    public string? Subject { get; set; }

    public required byte[] Ticket { get; set; }

    public byte[]? Tokens { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A distributed-cache entry (Microsoft.Identity.Web's token cache when Entra ID is configured).</summary>
public sealed class CacheEntry
{
    public required string Key { get; init; }

    public required byte[] Value { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public TimeSpan? SlidingExpiration { get; set; }

    public DateTimeOffset? AbsoluteExpiresAt { get; set; }
}
