using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.GraphQL.Caching;
using WorkoutTracker.Server.Identity;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Coaching;

/// <summary>
/// The ETag part of a coach's <c>athletes</c> list, read in one statement: which athletes the coach
/// follows, and for each their profile's last change and the count and summed versions of their
/// sessions (a session's version bumps on every set change, so the sum moves whenever anything shown
/// in the list does: body maps, recent sessions, the active one). The current ISO week is part of it,
/// as the body maps default to it.
/// </summary>
public sealed class AthletesVersion : IRootFieldVersion
{
    public string FieldName => "athletes";

    public async ValueTask<string?> GetVersionAsync(RootFieldRequest request, CancellationToken cancellationToken)
    {
        var services = request.Services;
        var user = await services.GetRequiredService<CurrentUser>().FindCallerAsync(request.User, cancellationToken);
        if (user is not { Role: UserRole.Coach })
        {
            return null;
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<WorkoutDb>>().CreateDbContextAsync(cancellationToken);
        var stamp = await db.Database.SqlQuery<string>($"""
            SELECT coalesce(string_agg(
                l.athlete_id::text || ':' || coalesce(p.updated_at::text, '-') || ':' || s.sessions || ':' || s.versions, ','
                ORDER BY l.athlete_id), '') AS "Value"
            FROM coach_links l
            LEFT JOIN athlete_profiles p ON p.user_id = l.athlete_id
            CROSS JOIN LATERAL (
                SELECT count(*) AS sessions, coalesce(sum(x.version), 0) AS versions FROM sessions x WHERE x.athlete_id = l.athlete_id
            ) s
            WHERE l.coach_id = {user.Id} AND l.status = 'Active'
            """).SingleAsync(cancellationToken);
        // The coach's list shows each athlete's this week; the coach's own week names the version (it turns when theirs does).
        var zone = await AthleteWeekVersion.ZoneAsync(services, services.GetRequiredService<AthleteVersionCache>(), user.Id, cancellationToken);
        var week = BodyMapRules.WeekStartOf(services.GetRequiredService<TimeProvider>().GetUtcNow(), zone);
        return $"{BodyMapRules.ToIsoDate(week)}/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stamp)))[..16]}";
    }
}
