using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkoutTracker.Server.Exercises;

/// <summary>
/// Exercises keep their muscles and equipment as PostgreSQL text arrays of enum names, indexed with
/// GIN so filtering by muscle or equipment uses the index.
/// </summary>
internal sealed class ExerciseConfiguration : IEntityTypeConfiguration<Exercise>
{
    public void Configure(EntityTypeBuilder<Exercise> builder)
    {
        builder.ToTable("exercises");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(64);
        builder.Property(e => e.Name).HasMaxLength(100);
        builder.HasIndex(e => e.Name).IsUnique().HasFilter("owner_id IS NULL");
        builder.HasIndex(e => new { e.OwnerId, e.Name }).IsUnique().HasFilter("owner_id IS NOT NULL");
        builder.HasOne<Profiles.User>().WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(e => e.IsCustom);
        builder.Property(e => e.Pattern).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Loading).HasConversion<string>().HasMaxLength(16);
        builder.PrimitiveCollection(e => e.PrimaryMuscles).ElementType().HasConversion<string>();
        builder.PrimitiveCollection(e => e.SecondaryMuscles).ElementType().HasConversion<string>();
        builder.PrimitiveCollection(e => e.Equipment).ElementType().HasConversion<string>();
        builder.HasIndex(e => e.PrimaryMuscles).HasMethod("gin");
        builder.HasIndex(e => e.SecondaryMuscles).HasMethod("gin");
    }
}
