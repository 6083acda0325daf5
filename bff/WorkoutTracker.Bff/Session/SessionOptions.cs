using System.ComponentModel.DataAnnotations;

namespace WorkoutTracker.Bff.Session;

/// <summary>Section <c>Bff:Session</c>: the session cookie and the server-side tokens behind it.</summary>
public sealed class SessionOptions
{
    public const string SectionName = "Bff:Session";

    /// <summary>
    /// Send the cookie over HTTPS only. Unset: on everywhere but in Development. When on, the default
    /// cookie name carries the <c>__Host-</c> prefix (Secure, Path=/, no Domain).
    /// </summary>
    public bool? SecureCookie { get; set; }

    /// <summary>Cookie name; unset: <c>__Host-WorkoutTracker</c> when secure, <c>WorkoutTracker.Session</c> otherwise.</summary>
    public string? CookieName { get; set; }

    /// <summary>How long a session lasts without use (sliding).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>An access token this close to its expiry is refreshed (refresh-token grant) before it is forwarded.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A relayed WebSocket checks its session this often (besides the instant logout signal, which a
    /// reconnecting listener may miss) and closes 4403 once the session is gone or expired.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan WebSocketCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
