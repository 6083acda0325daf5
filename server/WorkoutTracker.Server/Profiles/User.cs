namespace WorkoutTracker.Server.Profiles;

/// <summary>Someone who signs in: an athlete who trains, or a coach who follows athletes.</summary>
public sealed class User
{
    public Guid Id { get; init; }

    public required string DisplayName { get; set; }

    public required UserRole Role { get; set; }

    /// <summary>Sign-in name of a local account (trimmed, lower case); null for users from Entra ID.</summary>
    public string? Email
    {
        get;
        set
        {
            field = value;
            NormalizedEmail = value?.ToUpperInvariant();
        }
    }

    /// <summary><see cref="Email"/> as ASP.NET Core Identity normalizes it (upper case), unique; set with the email.</summary>
    public string? NormalizedEmail { get; set; }

    /// <summary>ASP.NET Core Identity's PasswordHasher hash, for local accounts only.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>Changes whenever the credentials change (Identity's security stamp).</summary>
    public string? SecurityStamp { get; set; }

    /// <summary>Failed sign-ins since the last success (Identity's lockout counter).</summary>
    public int AccessFailedCount { get; set; }

    /// <summary>Until when sign-in is refused after too many failures.</summary>
    public DateTimeOffset? LockoutEnd { get; set; }

    /// <summary>The identity provider's stable id (Entra ID <c>oid</c>), for users signing in through it.</summary>
    public string? ExternalSubject { get; set; }

    /// <summary>
    /// The IANA time zone the user lives in (<c>Europe/Berlin</c>): it decides their days and weeks (plan weeks,
    /// body map weeks, "today"). Set from the device at onboarding; UTC until then.
    /// </summary>
    public string TimeZone { get; set; } = Common.Calendar.AthleteCalendar.DefaultTimeZone;

    public DateTimeOffset CreatedAt { get; init; }
}

public enum UserRole
{
    Athlete,
    Coach,
}
