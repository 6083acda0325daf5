using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Identity;

/// <summary>
/// The signed-in user of this request (or WebSocket operation), loaded once and shared by every
/// resolver of the request. Tokens from the development issuer name the user id in <c>sub</c>;
/// Entra ID tokens name the object id in <c>oid</c>, and a first sign-in creates the user.
/// </summary>
public sealed class CurrentUser(IDbContextFactory<WorkoutDb> dbFactory, KnownCallers knownCallers, AthleteVersionCache cache)
{
    private readonly Lock _gate = new();
    private Task<User?>? _user;

    public Task<User?> FindAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return _user ??= LoadAsync(principal, cancellationToken);
        }
    }

    /// <summary>
    /// The caller's id and role, from this instance's memory when it has seen the caller before (no
    /// database read), else from <see cref="FindAsync"/>. For paths that need no more, such as an ETag.
    /// </summary>
    public async ValueTask<Caller?> FindCallerAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken = default)
    {
        if (principal is null)
        {
            return null;
        }

        if (knownCallers.TryGet(principal, out var known))
        {
            return known;
        }

        if (await FindAsync(principal, cancellationToken) is not { } user)
        {
            return null;
        }

        var caller = new Caller(user.Id, user.Role);
        knownCallers.Remember(principal, caller);
        return caller;
    }

    public async Task<User> RequireAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken = default) =>
        await FindAsync(principal, cancellationToken) ?? throw new UnauthenticatedException();

    /// <summary>
    /// The user's row, from this instance's memory when it holds it (<see cref="AthleteVersionCache"/>, which
    /// forgets it when the user's profile changes: at once on this instance, through the event log on the others), else read.
    /// The row is shared between requests: nobody changes it.
    /// </summary>
    private async Task<User?> LoadAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        Guid? id = knownCallers.TryGet(principal, out var known) ? known.Id
            : principal.FindFirstValue(WorkoutClaims.ObjectId) is not { Length: > 0 } && Guid.TryParse(principal.FindFirstValue(WorkoutClaims.Subject), out var subject) ? subject
            : null;
        if (id is { } userId)
        {
            return await cache.GetOrLoadProfileAsync(userId, ct => ReadAsync(principal, ct), cancellationToken);
        }

        var user = await ReadAsync(principal, cancellationToken);
        if (user is not null)
        {
            knownCallers.Remember(principal, new Caller(user.Id, user.Role));
        }

        return user;
    }

    private async Task<User?> ReadAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (principal.FindFirstValue(WorkoutClaims.ObjectId) is { Length: > 0 } objectId)
        {
            return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.ExternalSubject == objectId, cancellationToken)
                ?? await ProvisionAsync(db, principal, objectId, cancellationToken);
        }

        return Guid.TryParse(principal.FindFirstValue(WorkoutClaims.Subject), out var id)
            ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken)
            : null;
    }

    /// <summary>First sign-in through Entra ID: the user gets the role its app roles name.</summary>
    private static async Task<User> ProvisionAsync(WorkoutDb db, ClaimsPrincipal principal, string objectId, CancellationToken cancellationToken)
    {
        var isCoach = principal.FindAll(WorkoutClaims.Roles).Concat(principal.FindAll(WorkoutClaims.Role))
            .Any(c => string.Equals(c.Value, RoleNames.Coach, StringComparison.OrdinalIgnoreCase));
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            DisplayName = principal.FindFirstValue(WorkoutClaims.Name) ?? "New athlete",
            Role = isCoach ? UserRole.Coach : UserRole.Athlete,
            ExternalSubject = objectId,
        };
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return user;
        }
        catch (DbUpdateException)
        {
            // Another request provisioned the same user first.
            db.ChangeTracker.Clear();
            return await db.Users.AsNoTracking().SingleAsync(u => u.ExternalSubject == objectId, cancellationToken);
        }
    }
}
