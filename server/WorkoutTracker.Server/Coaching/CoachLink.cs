namespace WorkoutTracker.Server.Coaching;

/// <summary>
/// A coach following an athlete. One side asks by the other's email (an athlete invites a coach, or a coach
/// asks to follow an athlete), the other accepts; either can end it. Only an active link lets the coach read
/// the athlete. A request names only its requester until it is accepted: the invited side is the account
/// with <see cref="InviteeEmail"/> and the other role, if there is one, so asking reveals nothing about the
/// email (whether it has an account, or its role).
/// </summary>
public sealed class CoachLink
{
    public Guid Id { get; init; }

    /// <summary>The coach; null while a coach's acceptance is pending.</summary>
    public Guid? CoachId { get; set; }

    /// <summary>The athlete; null while an athlete's acceptance is pending.</summary>
    public Guid? AthleteId { get; set; }

    /// <summary>The email the request was sent to, trimmed and lower-cased.</summary>
    public string? InviteeEmail { get; init; }

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
