using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.BodyMap;

internal sealed class BodyMapWeekConfiguration : IEntityTypeConfiguration<BodyMapWeek>
{
    public void Configure(EntityTypeBuilder<BodyMapWeek> builder)
    {
        builder.ToTable("body_map_weeks");
        builder.HasKey(w => new { w.AthleteId, w.WeekStart });
        builder.HasOne<User>().WithMany().HasForeignKey(w => w.AthleteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BodyMapMuscleConfiguration : IEntityTypeConfiguration<BodyMapMuscle>
{
    public void Configure(EntityTypeBuilder<BodyMapMuscle> builder)
    {
        builder.ToTable("body_map_muscles");
        builder.HasKey(m => new { m.AthleteId, m.WeekStart, m.Muscle });
        builder.Property(m => m.Muscle).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.HardSets).HasPrecision(9, 1);
        builder.Property(m => m.TotalReps).HasPrecision(10, 1);
        builder.Property(m => m.VolumeLoadKg).HasPrecision(14, 4);
        builder.HasOne<BodyMapWeek>().WithMany().HasForeignKey(m => new { m.AthleteId, m.WeekStart }).OnDelete(DeleteBehavior.Cascade);
    }
}
