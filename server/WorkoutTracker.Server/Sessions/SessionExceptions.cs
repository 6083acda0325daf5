using WorkoutTracker.Server.Common;

namespace WorkoutTracker.Server.Sessions;

/// <summary>The session is finished; its sets can no longer change.</summary>
public sealed class SessionFinishedException(Guid sessionId)
    : DomainException("SESSION_FINISHED", $"Session '{sessionId}' is finished; its sets can no longer change.");

/// <summary>Only athletes train and log sessions; a coach reads their athletes' sessions.</summary>
public sealed class OnlyAthletesLogSessionsException()
    : DomainException("FORBIDDEN", "Only athletes log sessions; coaches read their athletes' sessions.");

/// <summary>The session or set belongs to another athlete.</summary>
public sealed class NotYourSessionException()
    : DomainException("FORBIDDEN", "This session belongs to another athlete.");

/// <summary>A client-made session id that another athlete's session already has.</summary>
public sealed class SessionIdTakenException(Guid sessionId)
    : DomainException("SESSION_ID_TAKEN", $"Session id '{sessionId}' is already in use; start the session with another id.");
