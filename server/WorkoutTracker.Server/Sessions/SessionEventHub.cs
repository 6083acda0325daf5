namespace WorkoutTracker.Server.Sessions;

/// <summary>
/// Fans session events out to this instance's subscribers. Fed only by <see cref="SessionEventListener"/>
/// (PostgreSQL NOTIFY), so a subscriber sees events from every server instance in commit order.
/// </summary>
public sealed class SessionEventHub : IObservable<SessionEventNotice>
{
    private readonly Lock _gate = new();
    private IObserver<SessionEventNotice>[] _observers = [];

    public int SubscriberCount => Volatile.Read(ref _observers).Length;

    public IDisposable Subscribe(IObserver<SessionEventNotice> observer)
    {
        lock (_gate)
        {
            _observers = [.. _observers, observer];
        }

        return new Unsubscriber(this, observer);
    }

    public void Publish(SessionEventNotice notice)
    {
        foreach (var observer in Volatile.Read(ref _observers))
        {
            observer.OnNext(notice);
        }
    }

    private void Remove(IObserver<SessionEventNotice> observer)
    {
        lock (_gate)
        {
            _observers = [.. _observers.Where(o => !ReferenceEquals(o, observer))];
        }
    }

    private sealed class Unsubscriber(SessionEventHub hub, IObserver<SessionEventNotice> observer) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                hub.Remove(observer);
            }
        }
    }
}
