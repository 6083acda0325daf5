using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Notes;

/// <summary>An athlete's sticky note on an exercise ("seat at 4, grip outside the rings"), shown every time they do it.</summary>
public sealed class ExerciseNote
{
    public Guid AthleteId { get; init; }

    public required string ExerciseId { get; init; }

    public required string Text { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ExerciseNoteConfiguration : IEntityTypeConfiguration<ExerciseNote>
{
    public void Configure(EntityTypeBuilder<ExerciseNote> builder)
    {
        builder.ToTable("exercise_notes");
        builder.HasKey(n => new { n.AthleteId, n.ExerciseId });
        builder.HasOne<User>().WithMany().HasForeignKey(n => n.AthleteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Exercise>().WithMany().HasForeignKey(n => n.ExerciseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.ExerciseId).HasMaxLength(64);
        builder.Property(n => n.Text).HasColumnName("note").HasMaxLength(NoteRules.MaxExerciseNote);
    }
}
