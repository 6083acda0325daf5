using WorkoutTracker.Server.Common.EventLog;

namespace WorkoutTracker.Server.Sessions;

/// <summary>The changes of a live session, as <c>sessionUpdated</c> and <c>athleteActivity</c> name them.</summary>
public enum SessionEventKind
{
    SetLogged,
    SetUpdated,
    SetDeleted,
    SessionFinished,
}

public static class SessionEventKinds
{
    /// <summary>The session change an event-log kind stands for (only session changes reach subscribers).</summary>
    public static SessionEventKind Of(EventKind kind) => kind switch
    {
        EventKind.SetLogged => SessionEventKind.SetLogged,
        EventKind.SetUpdated => SessionEventKind.SetUpdated,
        EventKind.SetDeleted => SessionEventKind.SetDeleted,
        EventKind.SessionFinished => SessionEventKind.SessionFinished,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a session change"),
    };
}
