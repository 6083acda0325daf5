namespace WorkoutTracker.Server.Common.EventLog;

/// <summary>The transactional event log (configuration section <c>EventLog</c>).</summary>
public sealed class EventLogOptions
{
    public const string SectionName = "EventLog";

    /// <summary>How long events are kept: a subscriber may resume after a cursor at most this old.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Every instance reads the log at least this often, whether or not a wake-up reached it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>An instance sends at most one wake-up (NOTIFY) per this interval, however many commits it made.</summary>
    public TimeSpan WakeUpInterval { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Most events one subscription replays after its cursor; a subscriber further behind fetches the state again.</summary>
    public int MaxReplayEvents { get; set; } = 10_000;

    /// <summary>Most athletes whose versions (behind ETags) one instance keeps in memory (<see cref="AthleteVersionCache"/>).</summary>
    public int MaxCachedAthletes { get; set; } = 100_000;

    /// <summary>Events that may wait for one slow subscription before it is ended (it resumes with its cursor).</summary>
    public int MaxBufferedEvents { get; set; } = 10_000;
}
