namespace WorkoutTracker.CoachEvaluation;

/// <summary>
/// The server's clock held at a moment the evaluation chooses ("on a Wednesday"), so the same data and
/// question give the same answer on any day. Timers still run on real time (only "now" is pinned).
/// </summary>
public sealed class PinnedClock(DateTimeOffset now) : TimeProvider
{
    private long _utcTicks = now.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>Moves the clock (e.g. to Monday to log a session, then back to Wednesday to ask).</summary>
    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _utcTicks, now.UtcTicks);
}
