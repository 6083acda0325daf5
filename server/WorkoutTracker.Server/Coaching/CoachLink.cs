namespace WorkoutTracker.Server.Coaching;

/// <summary>
/// A coach following an athlete. One side asks (an athlete invites a coach, or a coach asks to follow an
/// athlete), the other accepts; either can end it. Only an active link lets the coach read the athlete.
/// </summary>
public sealed class CoachLink
{
    public Guid Id { get; init; }

    public Guid CoachId { get; init; }

    public Guid AthleteId { get; init; }

    /// <summary>Who asked: the other side must accept.</summary>
    public Guid RequestedBy { get; init; }

    public CoachLinkStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }
}

public enum CoachLinkStatus
{
    Pending,
    Active,
    Ended,
}
