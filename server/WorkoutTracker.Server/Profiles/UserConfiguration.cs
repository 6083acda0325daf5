using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkoutTracker.Server.Profiles;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Property(u => u.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.Email).HasMaxLength(254);
        builder.HasIndex(u => u.Email).IsUnique();
        builder.Property(u => u.NormalizedEmail).HasMaxLength(254);
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
        builder.Property(u => u.SecurityStamp).HasMaxLength(64).HasDefaultValueSql("replace(gen_random_uuid()::text, '-', '')");
        builder.Property(u => u.ExternalSubject).HasMaxLength(128);
        builder.HasIndex(u => u.ExternalSubject).IsUnique();
        builder.Property(u => u.TimeZone).HasMaxLength(Common.Calendar.AthleteCalendar.MaxTimeZoneLength).HasDefaultValue(Common.Calendar.AthleteCalendar.DefaultTimeZone);
        builder.Property(u => u.CreatedAt).HasDefaultValueSql("now()");
    }
}
