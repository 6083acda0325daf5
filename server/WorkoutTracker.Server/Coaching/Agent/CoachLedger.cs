namespace WorkoutTracker.Server.Coaching.Agent;

/// <summary>
/// What one question's tools did: the functions called, in order, and every number they returned, as
/// citations. One per question; the plugins write to it whoever calls them (the model or the offline
/// coach).
/// </summary>
public sealed class CoachLedger
{
    private readonly Lock _gate = new();
    private readonly List<string> _calls = [];
    private readonly List<Citation> _citations = [];

    public IReadOnlyList<string> ToolCalls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<Citation> Citations
    {
        get
        {
            lock (_gate)
            {
                return [.. _citations];
            }
        }
    }

    public void Called(string function)
    {
        lock (_gate)
        {
            _calls.Add(function);
        }
    }

    public void Record(IEnumerable<Citation> citations)
    {
        lock (_gate)
        {
            _citations.AddRange(citations);
        }
    }
}
