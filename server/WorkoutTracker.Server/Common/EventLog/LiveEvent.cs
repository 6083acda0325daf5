using System.Globalization;
using System.Text;

namespace WorkoutTracker.Server.Common.EventLog;

/// <summary>What a row of the event log says happened.</summary>
public enum EventKind
{
    SetLogged,
    SetUpdated,
    SetDeleted,
    SessionFinished,

    /// <summary>A coach–athlete link ended: subscriptions that relied on it lose access, on every instance.</summary>
    CoachLinkEnded,

    /// <summary>An athlete's profile changed (and with it the plan): caches of versions behind ETags forget the athlete.</summary>
    ProfileUpdated,

    /// <summary>What is derived from an athlete's sets (body map, records) was rebuilt by a command: caches forget the athlete.</summary>
    DerivedDataRebuilt,
}

/// <summary>
/// One committed row of the event log: ids and versions only, so rows stay small; readers load what they
/// show. <see cref="Cursor"/> is its position in the log.
/// </summary>
public sealed record LiveEvent(
    EventCursor Cursor,
    EventKind Kind,
    Guid AthleteId,
    Guid? SessionId,
    Guid? SetId,
    int? SessionVersion,
    DateOnly? BodyMapWeekStart,
    int? BodyMapVersion,
    Guid? CoachId,
    DateTimeOffset OccurredAt)
{
    public bool IsSessionChange => Kind is EventKind.SetLogged or EventKind.SetUpdated or EventKind.SetDeleted or EventKind.SessionFinished;
}

/// <summary>
/// A position in the event log: the writing transaction's id (<c>xid8</c>) and the row's id. Rows are
/// read in (xid, id) order and only once every transaction with a smaller xid has ended (see
/// <see cref="EventLogReader"/>), so this order never changes after a row was read and a reader that
/// resumes after a cursor misses nothing. Given to clients as an opaque string.
/// </summary>
public readonly record struct EventCursor(ulong TransactionId, long Id) : IComparable<EventCursor>
{
    public int CompareTo(EventCursor other) =>
        TransactionId != other.TransactionId ? TransactionId.CompareTo(other.TransactionId) : Id.CompareTo(other.Id);

    public static bool operator <(EventCursor a, EventCursor b) => a.CompareTo(b) < 0;

    public static bool operator >(EventCursor a, EventCursor b) => a.CompareTo(b) > 0;

    public static bool operator <=(EventCursor a, EventCursor b) => a.CompareTo(b) <= 0;

    public static bool operator >=(EventCursor a, EventCursor b) => a.CompareTo(b) >= 0;

    public string Encode() =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"ev1:{TransactionId}:{Id}")));

    /// <summary>Reads a cursor this API gave out; anything else is a VALIDATION error naming <paramref name="field"/>.</summary>
    public static EventCursor Decode(string value, string field)
    {
        try
        {
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(value)).Split(':');
            if (parts is ["ev1", var xid, var id] &&
                ulong.TryParse(xid, NumberStyles.None, CultureInfo.InvariantCulture, out var transactionId) &&
                long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var rowId) && rowId > 0)
            {
                return new EventCursor(transactionId, rowId);
            }
        }
        catch (FormatException)
        {
        }

        throw new ValidationException(field, "is not a cursor this API gave out.");
    }

    public override string ToString() => Encode();
}

/// <summary>The cursor's event is no longer in the log (pruned after the retention), or too much happened since.</summary>
public sealed class CursorExpiredException(string message)
    : DomainException("CURSOR_EXPIRED", message);
