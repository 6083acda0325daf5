using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Coaching.Proposals;

/// <summary>Who wrote a proposal.</summary>
public enum ProposalAuthor
{
    /// <summary>The coach's model, through its propose tool.</summary>
    CoachAgent,

    /// <summary>The offline coach's rules (stall → deload, volume → sets, equipment → swap).</summary>
    OfflineRules,

    /// <summary>A coach (a person) linked to the athlete, by hand.</summary>
    Coach,
}

/// <summary>Where a proposal stands. Open until the athlete decides; a decided proposal is history.</summary>
public enum ProposalStatus
{
    Open,
    Accepted,
    PartlyAccepted,
    Rejected,
}

/// <summary>
/// Changes to one athlete's week proposed for them to review: plan edits of the same shape as manual ones
/// (<see cref="ProposalItem"/>), made from the week's plan at <see cref="BasedOnVersion"/> (the plan's
/// ETag version, <c>WeeklyPlanService.VersionAsync</c>). The athlete's decision (who, when, which
/// items) is kept on the row; the proposal is never deleted. A proposal whose week has changed since it
/// was made is stale: deciding it is refused.
/// </summary>
public sealed class PlanProposal
{
    public Guid Id { get; init; }

    public Guid AthleteId { get; init; }

    public DateOnly WeekStart { get; init; }

    /// <summary>The version of the week's plan the items were made against.</summary>
    public required string BasedOnVersion { get; init; }

    public ProposalAuthor Author { get; init; }

    /// <summary>The coach who wrote it by hand, or who asked the coach agent for it (the athlete or their coach).</summary>
    public Guid AuthorUserId { get; init; }

    /// <summary>One line saying what the proposal is about.</summary>
    public required string Summary { get; init; }

    /// <summary>The items as JSON (<see cref="ProposalItems.Serialize"/>).</summary>
    public required string Items { get; init; }

    /// <summary>
    /// Identifies (athlete, week, version, author, items) while open: asking again for the same changes finds this
    /// proposal. Re-made from its id once decided, so a later identical proposal is a new one.
    /// </summary>
    public required string Fingerprint { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public ProposalStatus Status { get; set; }

    public Guid? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The 0-based indexes of the accepted items; empty when rejected, null while open.</summary>
    public int[]? AcceptedItems { get; set; }

    /// <summary>The version of the week's edits the decision wrote (null when nothing was applied).</summary>
    public int? AppliedEditsVersion { get; set; }
}

internal sealed class PlanProposalConfiguration : IEntityTypeConfiguration<PlanProposal>
{
    public void Configure(EntityTypeBuilder<PlanProposal> builder)
    {
        builder.ToTable("plan_proposals");
        builder.HasKey(p => p.Id);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.AthleteId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.BasedOnVersion).HasMaxLength(100);
        builder.Property(p => p.Author).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Summary).HasMaxLength(500);
        builder.Property(p => p.Items).HasColumnType("jsonb");
        builder.Property(p => p.Fingerprint).HasMaxLength(64);
        builder.HasIndex(p => new { p.AthleteId, p.Fingerprint }).IsUnique();
        builder.HasIndex(p => new { p.AthleteId, p.WeekStart, p.CreatedAt });
    }
}
