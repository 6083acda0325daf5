using System.Security.Claims;

namespace WorkoutTracker.Bff.Session;

/// <summary>Claim types of the BFF's session principal (token names, no inbound mapping) and role checks.</summary>
public static class BffClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";

    public const string Coach = "coach";
    public const string Athlete = "athlete";

    /// <summary>
    /// Whether the user is a coach (dev tokens: <c>role</c>; Entra ID: the <c>coach</c> app role in
    /// <c>roles</c>, mapped or not). Anyone else is treated as an athlete: the allowlist fails closed.
    /// </summary>
    public static bool IsCoach(this ClaimsPrincipal user) =>
        user.Claims.Any(c => c.Type is Role or "roles" or ClaimTypes.Role && string.Equals(c.Value, Coach, StringComparison.OrdinalIgnoreCase));

    public static string? SubjectOf(ClaimsPrincipal user) =>
        user.FindFirst(Subject)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.FindFirst("oid")?.Value;
}
