using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Profiles;

internal sealed class AthleteProfileConfiguration : IEntityTypeConfiguration<AthleteProfile>
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

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
        builder.Property(p => p.Loading).HasColumnType("jsonb").HasConversion(
            new ValueConverter<LoadingSetup?, string?>(
                v => v == null ? null : JsonSerializer.Serialize(v, JsonOptions),
                v => v == null ? null : JsonSerializer.Deserialize<LoadingSetup>(v, JsonOptions)),
            new ValueComparer<LoadingSetup?>(
                (a, b) => JsonSerializer.Serialize(a, JsonOptions) == JsonSerializer.Serialize(b, JsonOptions),
                v => JsonSerializer.Serialize(v, JsonOptions).GetHashCode(StringComparison.Ordinal),
                v => v == null ? null : JsonSerializer.Deserialize<LoadingSetup>(JsonSerializer.Serialize(v, JsonOptions), JsonOptions)));
    }
}
