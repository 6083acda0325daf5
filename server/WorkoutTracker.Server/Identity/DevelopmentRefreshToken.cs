using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Identity;

/// <summary>
/// A refresh token of the development issuer, stored as its SHA-256 only. Single use: redeeming it
/// deletes it and issues a new one (rotation), so a stolen token that was already used is worthless.
/// </summary>
public sealed class DevelopmentRefreshToken
{
    public required string TokenHash { get; init; }

    public Guid UserId { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }
}

internal sealed class DevelopmentRefreshTokenConfiguration : IEntityTypeConfiguration<DevelopmentRefreshToken>
{
    public void Configure(EntityTypeBuilder<DevelopmentRefreshToken> builder)
    {
        builder.ToTable("dev_refresh_tokens");
        builder.HasKey(t => t.TokenHash);
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsFixedLength();
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.ExpiresAt);
    }
}
