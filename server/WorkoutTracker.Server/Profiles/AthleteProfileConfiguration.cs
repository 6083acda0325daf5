using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkoutTracker.Server.Profiles;

internal sealed class AthleteProfileConfiguration : IEntityTypeConfiguration<AthleteProfile>
{
    public void Configure(EntityTypeBuilder<AthleteProfile> builder)
    {
        builder.ToTable("athlete_profiles", t =>
        {
            t.HasCheckConstraint("ck_athlete_profiles_days", "days_per_week BETWEEN 2 AND 6");
            t.HasCheckConstraint("ck_athlete_profiles_minutes", "session_minutes BETWEEN 20 AND 180");
        });
        builder.HasKey(p => p.UserId);
        builder.HasOne<User>().WithOne().HasForeignKey<AthleteProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Goal).HasConversion<string>().HasMaxLength(24);
        builder.Property(p => p.Experience).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Units).HasConversion<string>().HasMaxLength(4);
        builder.PrimitiveCollection(p => p.Equipment).ElementType().HasConversion<string>();
    }
}
