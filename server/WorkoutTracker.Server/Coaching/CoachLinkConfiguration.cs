using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Coaching;

internal sealed class CoachLinkConfiguration : IEntityTypeConfiguration<CoachLink>
{
    public void Configure(EntityTypeBuilder<CoachLink> builder)
    {
        builder.ToTable("coach_links");
        builder.HasKey(l => l.Id);
        builder.HasOne<User>().WithMany().HasForeignKey(l => l.CoachId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(l => l.AthleteId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.InviteeEmail).HasMaxLength(254);
        builder.HasIndex(l => l.InviteeEmail).HasFilter("status = 'Pending'");
        // At most one open (pending or active) link per pair; ended links are history.
        builder.HasIndex(l => new { l.CoachId, l.AthleteId }).IsUnique().HasFilter("status <> 'Ended'");
        builder.HasIndex(l => new { l.AthleteId, l.Status });
    }
}
