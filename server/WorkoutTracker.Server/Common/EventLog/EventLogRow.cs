using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkoutTracker.Server.Common.EventLog;

/// <summary>
/// A row of <c>event_log</c>: written in the transaction of the change it records, read by every server
/// instance in (<see cref="TransactionId"/>, <see cref="Id"/>) order. Written and read with SQL
/// (<see cref="EventLogWriter"/>, <see cref="EventLogReader"/>); mapped here so migrations own the table.
/// </summary>
public sealed class EventLogRow
{
    public long Id { get; init; }

    /// <summary><c>pg_current_xact_id()</c> of the writing transaction (PostgreSQL <c>xid8</c>).</summary>
    public ulong TransactionId { get; init; }

    public required string Kind { get; init; }

    public Guid AthleteId { get; init; }

    public Guid? SessionId { get; init; }

    public Guid? SetId { get; init; }

    public int? SessionVersion { get; init; }

    public DateOnly? BodyMapWeekStart { get; init; }

    public int? BodyMapVersion { get; init; }

    /// <summary>For <see cref="EventKind.CoachLinkEnded"/>: the coach who lost access.</summary>
    public Guid? CoachId { get; init; }

    public DateTimeOffset OccurredAt { get; init; }
}

internal sealed class EventLogRowConfiguration : IEntityTypeConfiguration<EventLogRow>
{
    public void Configure(EntityTypeBuilder<EventLogRow> builder)
    {
        builder.ToTable("event_log");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.TransactionId).HasColumnName("xid").HasColumnType("xid8").HasDefaultValueSql("pg_current_xact_id()");
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.HasIndex(e => new { e.TransactionId, e.Id }).IsUnique();
        builder.HasIndex(e => e.OccurredAt);
    }
}
