namespace WorkoutTracker.Server.Common.EventLog;

/// <summary>
/// What one subscription may see of the log, decided by its access check: the events of one session, or
/// of a set of athletes. <see cref="Coach"/> is set when the access rests on coach links: ending the link
/// of that coach with the session's athlete revokes a session's subscription; ending any link of that coach
/// revokes an athletes' subscription. The access check runs after the subscription started listening, so a
/// link that ends in between is missing from <see cref="AthleteIds"/> while its end is in the buffer: the
/// subscriber asked while it was linked, and is told it no longer is.
/// </summary>
public sealed record EventScope(Guid? SessionId, IReadOnlySet<Guid> AthleteIds, Guid? Coach)
{
    public static EventScope Session(Guid sessionId, Guid athleteId, Guid? coach) => new(sessionId, new HashSet<Guid> { athleteId }, coach);

    public static EventScope Athletes(IEnumerable<Guid> athleteIds, Guid coach) => new(null, athleteIds.ToHashSet(), coach);

    public bool Includes(LiveEvent e) =>
        e.IsSessionChange && (SessionId is { } session ? e.SessionId == session : AthleteIds.Contains(e.AthleteId));

    public bool Revokes(LiveEvent e) =>
        e.Kind == EventKind.CoachLinkEnded && Coach is { } coach && e.CoachId == coach && (SessionId is null || AthleteIds.Contains(e.AthleteId));
}
