using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Imports;

/// <summary>Where an import is: previewed (waiting for the athlete's review), queued, running, completed or failed.</summary>
public enum ImportStatus
{
    Previewed,
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>
/// One uploaded export and its import job. The file is kept (so a job interrupted by a restart reads it
/// again and carries on: every write is keyed by <see cref="ImportIds"/>, and progress is committed with
/// the sessions it counts), with the preview made when it was uploaded and the exercise choices of its
/// confirmation. A worker holds a running job under a lease (<see cref="LeaseUntil"/>); a job whose lease
/// ran out is taken up again by any instance.
/// </summary>
public sealed class HistoryImport
{
    public Guid Id { get; init; }

    public Guid AthleteId { get; init; }

    public ImportFormat Format { get; init; }

    public WeightUnit Unit { get; init; }

    /// <summary>IANA id of the zone the file's wall-clock times are read in.</summary>
    public required string TimeZone { get; init; }

    public required string FileName { get; init; }

    public required string Content { get; init; }

    public ImportStatus Status { get; set; }

    /// <summary>The <see cref="ImportPreview"/> as JSON.</summary>
    public required string Preview { get; set; }

    /// <summary>Exercise name → catalog id (null: leave its sets out), as JSON; set on confirmation.</summary>
    public string? Matches { get; set; }

    public int SessionsWritten { get; set; }

    public int SetsWritten { get; set; }

    public string? Error { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class HistoryImportConfiguration : IEntityTypeConfiguration<HistoryImport>
{
    public void Configure(EntityTypeBuilder<HistoryImport> builder)
    {
        builder.ToTable("history_imports");
        builder.HasKey(i => i.Id);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.AthleteId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.Format).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Unit).HasConversion<string>().HasMaxLength(4);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.TimeZone).HasMaxLength(64);
        builder.Property(i => i.FileName).HasMaxLength(255);
        builder.Property(i => i.Preview).HasColumnType("jsonb");
        builder.Property(i => i.Matches).HasColumnType("jsonb");
        builder.HasIndex(i => new { i.AthleteId, i.CreatedAt });
        builder.HasIndex(i => i.Status).HasFilter("status IN ('Queued', 'Running')");
    }
}
