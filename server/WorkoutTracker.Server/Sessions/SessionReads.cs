using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Coaching;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Sessions;

/// <summary>One page of sessions, newest first, and the cursor of the last one.</summary>
public sealed record SessionPage(IReadOnlyList<TrainingSession> Sessions, bool HasNextPage, string? EndCursor);

/// <summary>Reads sessions for a reader who may see them (the athlete, or a linked coach).</summary>
public sealed class SessionReads(IDbContextFactory<WorkoutDb> dbFactory, AthleteAccess access)
{
    public const int MaxPageSize = 100;

    /// <summary>
    /// The session if <paramref name="reader"/> may read it, else null, whether it does not exist or is
    /// someone else's: one statement either way, so neither the answer nor its cost tells the two apart.
    /// </summary>
    public async Task<TrainingSession?> FindReadableAsync(User reader, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var readable = reader.Role == UserRole.Coach
            ? db.Sessions.Where(s => db.CoachLinks.Any(l => l.CoachId == reader.Id && l.AthleteId == s.AthleteId && l.Status == CoachLinkStatus.Active))
            : db.Sessions.Where(s => s.AthleteId == reader.Id);
        return await readable.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
    }

    /// <summary>The session, or null when there is none; FORBIDDEN when it exists and the reader may not read it.</summary>
    public async Task<TrainingSession?> FindAsync(User reader, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is not null)
        {
            await access.EnsureCanReadAsync(reader, session.AthleteId, cancellationToken);
        }

        return session;
    }

    /// <summary>Sessions of <paramref name="athleteId"/>, newest first, keyset-paginated by (started_at, id).</summary>
    public async Task<SessionPage> PageAsync(Guid athleteId, int first, string? after, CancellationToken cancellationToken)
    {
        if (first is < 0 or > MaxPageSize)
        {
            throw new ValidationException("first", $"must be between 0 and {MaxPageSize}.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Sessions.AsNoTracking().Where(s => s.AthleteId == athleteId);
        if (after is not null)
        {
            var (startedAt, id) = DecodeCursor(after);
            query = query.Where(s => s.StartedAt < startedAt || (s.StartedAt == startedAt && s.Id.CompareTo(id) < 0));
        }

        var rows = await query.OrderByDescending(s => s.StartedAt).ThenByDescending(s => s.Id).Take(first + 1).ToListAsync(cancellationToken);
        var page = rows.Take(first).ToList();
        return new SessionPage(page, rows.Count > first, page.Count > 0 ? EncodeCursor(page[^1]) : null);
    }

    public static string EncodeCursor(TrainingSession session) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{session.StartedAt.UtcTicks}:{session.Id}"));

    private static (DateTimeOffset StartedAt, Guid Id) DecodeCursor(string cursor)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split(':');
            return (new DateTimeOffset(long.Parse(parts[0], CultureInfo.InvariantCulture), TimeSpan.Zero), Guid.Parse(parts[1]));
        }
        catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException)
        {
            throw new ValidationException("after", "is not a cursor this API gave out.");
        }
    }
}
