using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Plans;

/// <summary>
/// The edits made to one athlete's generated week (swaps, skips, additions, targets, supersets), in the
/// order they were made, as JSON (<see cref="PlanEdits"/>). <see cref="Version"/> bumps on every edit and on a
/// reset (which empties the list), so the week's ETag changes with it.
/// </summary>
public sealed class PlanWeekEdits
{
    public Guid AthleteId { get; init; }

    public DateOnly WeekStart { get; init; }

    public int Version { get; set; }

    /// <summary>The edits as a JSON array (see <see cref="PlanEdits.Serialize"/>).</summary>
    public required string Edits { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Who made the last change: the athlete, or one of their coaches.</summary>
    public Guid UpdatedBy { get; set; }
}

internal sealed class PlanWeekEditsConfiguration : IEntityTypeConfiguration<PlanWeekEdits>
{
    public void Configure(EntityTypeBuilder<PlanWeekEdits> builder)
    {
        builder.ToTable("plan_edits");
        builder.HasKey(e => new { e.AthleteId, e.WeekStart });
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.AthleteId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Edits).HasColumnType("jsonb");
        builder.Property(e => e.Version).IsConcurrencyToken();
    }
}
