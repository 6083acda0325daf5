namespace WorkoutTracker.Server.Profiles;

/// <summary>Someone who signs in: an athlete who trains, or a coach who follows athletes.</summary>
public sealed class User
{
    public Guid Id { get; init; }

    public required string DisplayName { get; set; }

    public required UserRole Role { get; set; }

    /// <summary>Sign-in name for the development issuer; null for users from Entra ID.</summary>
    public string? Email { get; set; }

    /// <summary>ASP.NET Core PasswordHasher hash, for the development issuer only.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>The identity provider's stable id (Entra ID <c>oid</c>), for users signing in through it.</summary>
    public string? ExternalSubject { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

public enum UserRole
{
    Athlete,
    Coach,
}
