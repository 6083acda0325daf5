using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;

namespace WorkoutTracker.Server.Sessions;

public enum SessionEventKind
{
    SetLogged,
    SetUpdated,
    SetDeleted,
    SessionFinished,
}

/// <summary>
/// What changed in a session, as carried by PostgreSQL NOTIFY: ids and the session version only, so
/// the payload stays small; subscribers load the rest.
/// </summary>
public sealed record SessionEventNotice(
    SessionEventKind Kind,
    Guid SessionId,
    Guid AthleteId,
    Guid? SetId,
    int SessionVersion,
    DateTimeOffset OccurredAt,
    DateOnly? BodyMapWeekStart = null,
    int? BodyMapVersion = null);

/// <summary>
/// Publishes session events through PostgreSQL <c>pg_notify</c> inside the transaction of the change:
/// PostgreSQL delivers a notification only when that transaction commits, and in commit order, to every
/// server instance listening (this one included), so events never announce a change that rolled back.
/// </summary>
public static class SessionEventChannel
{
    public const string Name = "session_events";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static Task PublishAsync(WorkoutDb db, SessionEventNotice notice, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(notice, Json);
        return db.Database.ExecuteSqlAsync($"SELECT pg_notify({Name}, {payload})", cancellationToken);
    }

    public static SessionEventNotice? Parse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<SessionEventNotice>(payload, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
