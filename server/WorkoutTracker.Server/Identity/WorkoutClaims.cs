using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Identity;

/// <summary>Claim types as they appear in tokens (inbound claim mapping is off).</summary>
public static class WorkoutClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>Entra ID's object id of the user, stable across apps.</summary>
    public const string ObjectId = "oid";

    /// <summary>Entra ID app roles.</summary>
    public const string Roles = "roles";
}

public static class RoleNames
{
    public const string Athlete = "athlete";
    public const string Coach = "coach";

    public static string Of(UserRole role) => role == UserRole.Coach ? Coach : Athlete;
}
