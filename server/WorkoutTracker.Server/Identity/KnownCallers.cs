using System.Collections.Concurrent;
using System.Security.Claims;

namespace WorkoutTracker.Server.Identity;

/// <summary>Who a token names: the user's id and role, which never change once the user exists.</summary>
public sealed record Caller(Guid Id, Profiles.UserRole Role);

/// <summary>
/// The callers this instance has already looked up, by the subject their tokens name (<c>oid</c> for Entra
/// ID, <c>sub</c> for the development issuer). A user's id and role never change and users are not
/// deleted, so an entry never goes stale; only found users are kept, and the map is bounded (it starts over
/// when full). Lets a revalidation (ETag) know the caller without reading the database.
/// </summary>
public sealed class KnownCallers
{
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Caller> _bySubject = new(StringComparer.Ordinal);

    public bool TryGet(ClaimsPrincipal principal, out Caller caller)
    {
        caller = null!;
        return SubjectOf(principal) is { } subject && _bySubject.TryGetValue(subject, out caller!);
    }

    public void Remember(ClaimsPrincipal principal, Caller caller)
    {
        if (SubjectOf(principal) is not { } subject)
        {
            return;
        }

        if (_bySubject.Count >= MaxEntries)
        {
            _bySubject.Clear();
        }

        _bySubject[subject] = caller;
    }

    private static string? SubjectOf(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        return principal.FindFirstValue(WorkoutClaims.ObjectId) is { Length: > 0 } objectId
            ? "oid:" + objectId
            : principal.FindFirstValue(WorkoutClaims.Subject) is { Length: > 0 } subject ? "sub:" + subject : null;
    }
}
