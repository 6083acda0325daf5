using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Progression;

/// <summary>
/// An athlete's <see cref="ExerciseProgress"/> for one exercise, stored as JSON (its scheme carries a
/// <c>kind</c> discriminator), so the engine's record stays the one definition of the state.
/// </summary>
public sealed class StoredProgress
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public Guid AthleteId { get; init; }

    public required string ExerciseId { get; init; }

    public required string State { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public ExerciseProgress ToProgress() =>
        JsonSerializer.Deserialize<ExerciseProgress>(State, Json) ?? throw new InvalidDataException($"Empty progression state for {ExerciseId}.");

    public static string Serialize(ExerciseProgress progress) => JsonSerializer.Serialize(progress, Json);
}

internal sealed class StoredProgressConfiguration : IEntityTypeConfiguration<StoredProgress>
{
    public void Configure(EntityTypeBuilder<StoredProgress> builder)
    {
        builder.ToTable("exercise_progress");
        builder.HasKey(p => new { p.AthleteId, p.ExerciseId });
        builder.Property(p => p.ExerciseId).HasMaxLength(64);
        builder.Property(p => p.State).HasColumnType("jsonb");
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.AthleteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Exercise>().WithMany().HasForeignKey(p => p.ExerciseId).OnDelete(DeleteBehavior.Restrict);
    }
}
