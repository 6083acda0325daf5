using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Identity;

/// <summary>
/// A refresh token of the token issuer, stored as its SHA-256 only. Single use: redeeming it marks it used
/// and issues the next one of the same family (rotation). Presenting a used token again means two parties
/// hold the family (one of them stole it), so the whole family is revoked: both must sign in again
/// (OAuth 2.0 Security BCP, refresh token rotation with reuse detection).
/// </summary>
public sealed class StoredRefreshToken
{
    public required string TokenHash { get; init; }

    public Guid UserId { get; init; }

    /// <summary>Every token descended from one sign-in shares the family id.</summary>
    public Guid FamilyId { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When it was redeemed; a used token is kept (until it expires) so its reuse can be detected.</summary>
    public DateTimeOffset? UsedAt { get; set; }
}

internal sealed class StoredRefreshTokenConfiguration : IEntityTypeConfiguration<StoredRefreshToken>
{
    public void Configure(EntityTypeBuilder<StoredRefreshToken> builder)
    {
        builder.ToTable("refresh_tokens");
        builder.HasKey(t => t.TokenHash);
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsFixedLength();
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.FamilyId);
        builder.HasIndex(t => t.ExpiresAt);
    }
}
