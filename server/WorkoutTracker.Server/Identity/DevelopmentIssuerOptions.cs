using System.ComponentModel.DataAnnotations;

namespace WorkoutTracker.Server.Identity;

/// <summary>
/// The local development issuer, used when no <c>AzureAd</c> section is configured: a symmetric key
/// from configuration signs short-lived tokens for users of this database. Every server instance and
/// the BFF must share the key.
/// </summary>
public sealed class DevelopmentIssuerOptions
{
    public const string SectionName = "Identity:DevelopmentIssuer";

    [Required]
    public string Issuer { get; set; } = "workouttracker-dev";

    [Required]
    public string Audience { get; set; } = "workouttracker-api";

    /// <summary>Base64 of at least 32 random bytes (HMAC-SHA256).</summary>
    [Required]
    [MinLength(44)]
    public string SigningKey { get; set; } = "";

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a refresh token may wait to be redeemed (each is single use).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);
}
