using System.ComponentModel.DataAnnotations;

namespace WorkoutTracker.Server.Identity;

/// <summary>
/// Section <c>Identity:TokenIssuer</c>: the server's own token issuer, for local accounts (and, in Development
/// and Testing, the demo users). A symmetric key from configuration signs short-lived access tokens; every
/// server instance must share the key. The key in appsettings.json is published, so outside Development and
/// Testing <see cref="SigningKeyPolicy"/> refuses it and the server does not start.
/// </summary>
public sealed class TokenIssuerOptions
{
    public const string SectionName = "Identity:TokenIssuer";

    [Required]
    public string Issuer { get; set; } = "workouttracker-dev";

    [Required]
    public string Audience { get; set; } = "workouttracker-api";

    /// <summary>Base64 of at least 32 random bytes (HMAC-SHA256).</summary>
    [Required]
    [MinLength(44)]
    public string SigningKey { get; set; } = "";

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a refresh token may wait to be redeemed (each is single use).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);
}
