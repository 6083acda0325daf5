using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Sessions;

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.ToTable("sessions");
        builder.HasKey(s => s.Id);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.AthleteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.AthleteId, s.StartedAt, s.Id }).IsDescending(false, true, true);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.IsFinished);
        builder.Property(s => s.Note).HasMaxLength(Notes.NoteRules.MaxSessionNote);
    }
}

internal sealed class WorkoutSetConfiguration : IEntityTypeConfiguration<WorkoutSet>
{
    public void Configure(EntityTypeBuilder<WorkoutSet> builder)
    {
        builder.ToTable("sets");
        builder.HasKey(s => s.Id);
        builder.HasOne<TrainingSession>().WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.AthleteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Exercise>().WithMany().HasForeignKey(s => s.ExerciseId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.ExerciseId).HasMaxLength(64);
        builder.HasIndex(s => new { s.SessionId, s.Order }).IsUnique();
        builder.HasIndex(s => new { s.AthleteId, s.ExerciseId, s.PerformedAt });
        builder.HasIndex(s => new { s.AthleteId, s.PerformedAt });
        builder.Property(s => s.LoadKg).HasPrecision(7, 3);
        builder.Property(s => s.Rpe).HasPrecision(3, 1);
        builder.Property(s => s.SetType).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Note).HasMaxLength(Notes.NoteRules.MaxSetNote);
        builder.Property(s => s.E1rmKg).HasPrecision(8, 2).HasComputedColumnSql("set_e1rm(load_kg, reps, rpe)", stored: true);

        // Personal records and the e1RM trend per (athlete, exercise): each is one index probe, whatever the history's length.
        builder.HasIndex(s => new { s.AthleteId, s.ExerciseId, s.LoadKg, s.PerformedAt, s.Order })
            .IsDescending(false, false, true, false, false).HasFilter("NOT is_warmup AND reps > 0").HasDatabaseName("ix_sets_record_load");
        builder.HasIndex(s => new { s.AthleteId, s.ExerciseId, s.Reps, s.LoadKg, s.PerformedAt, s.Order })
            .IsDescending(false, false, true, true, false, false).HasFilter("NOT is_warmup AND reps > 0").HasDatabaseName("ix_sets_record_reps");
        builder.HasIndex(s => new { s.AthleteId, s.ExerciseId, s.E1rmKg, s.PerformedAt, s.Order })
            .IsDescending(false, false, true, false, false).HasFilter("NOT is_warmup AND reps > 0").HasDatabaseName("ix_sets_record_e1rm");
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_sets_load", "load_kg >= 0");
            t.HasCheckConstraint("ck_sets_reps", "reps BETWEEN 0 AND 100");
            t.HasCheckConstraint("ck_sets_rpe", "rpe IS NULL OR (rpe BETWEEN 1 AND 10 AND rpe * 2 = trunc(rpe * 2))");
            t.HasCheckConstraint("ck_sets_rest", "rest_seconds IS NULL OR rest_seconds >= 0");
            t.HasCheckConstraint("ck_sets_set_type", "(set_type = 'Warmup') = is_warmup");
        });
    }
}

internal sealed class SessionExerciseConfiguration : IEntityTypeConfiguration<SessionExercise>
{
    public void Configure(EntityTypeBuilder<SessionExercise> builder)
    {
        builder.ToTable("session_exercises");
        builder.HasKey(e => new { e.SessionId, e.ExerciseId });
        builder.HasOne<TrainingSession>().WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Exercise>().WithMany().HasForeignKey(e => e.ExerciseId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.ExerciseId).HasMaxLength(64);
        builder.Property(e => e.SupersetGroup).HasMaxLength(8);
    }
}
