using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.Common.Idempotency;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Coaching;

public sealed record RequestCoachLinkInput(string ClientMutationId, string Email) : IMutationInput;

public sealed record CoachLinkInput(string ClientMutationId, Guid LinkId) : IMutationInput;

/// <summary>Asking, accepting and ending coach–athlete links; each idempotent by clientMutationId.</summary>
public sealed class CoachLinkCommands(IdempotentMutations idempotent, TimeProvider clock)
{
    /// <summary>
    /// An athlete invites a coach, or a coach asks to follow an athlete, by the other's email. The request is
    /// written the same way whatever the email is (no account, an account of the same role, the right one):
    /// no user is looked up, so the answer and the work done are the same and reveal nothing. The account
    /// with that email and the other role sees the request and may accept it.
    /// </summary>
    public Task<Idempotent<CoachLink>> RequestAsync(User requester, RequestCoachLinkInput input, CancellationToken cancellationToken)
    {
        var email = NormalizeEmail(input.Email);
        if (email.Length is 0 or > 254 || !email.Contains('@', StringComparison.Ordinal))
        {
            throw new ValidationException("email", "must be an email address.");
        }

        var now = clock.GetUtcNow();
        return idempotent.RunAsync(
            requester.Id,
            input.ClientMutationId,
            "requestCoachLink",
            new { Email = email.ToUpperInvariant() },
            async (db, ct) =>
            {
                var pending = await db.CoachLinks.AnyAsync(
                    l => l.RequestedBy == requester.Id && l.InviteeEmail == email && l.Status == CoachLinkStatus.Pending, ct);
                if (pending)
                {
                    throw new CoachLinkStateException("A request to this email is already pending.");
                }

                var link = new CoachLink
                {
                    Id = Guid.CreateVersion7(now),
                    CoachId = requester.Role == UserRole.Coach ? requester.Id : null,
                    AthleteId = requester.Role == UserRole.Coach ? null : requester.Id,
                    InviteeEmail = email,
                    RequestedBy = requester.Id,
                    Status = CoachLinkStatus.Pending,
                    CreatedAt = now,
                };
                db.CoachLinks.Add(link);
                await db.SaveChangesAsync(ct);
                return (link, link.Id.ToString());
            },
            ReplayAsync,
            cancellationToken);
    }

    /// <summary>The invited side accepts a pending link: it becomes the link's coach or athlete.</summary>
    public Task<Idempotent<CoachLink>> AcceptAsync(User user, CoachLinkInput input, CancellationToken cancellationToken) =>
        ChangeAsync(user, input, "acceptCoachLink", async (db, link, now, ct) =>
        {
            if (link.Status != CoachLinkStatus.Pending)
            {
                throw new CoachLinkStateException("Only a pending link can be accepted.");
            }

            if (link.RequestedBy == user.Id)
            {
                throw new CoachLinkStateException("The other side accepts a request, not the one who sent it.");
            }

            if (user.Role == UserRole.Coach)
            {
                link.CoachId = user.Id;
            }
            else
            {
                link.AthleteId = user.Id;
            }

            if (await db.CoachLinks.AnyAsync(l => l.Id != link.Id && l.CoachId == link.CoachId && l.AthleteId == link.AthleteId && l.Status != CoachLinkStatus.Ended, ct))
            {
                throw new CoachLinkStateException("These two are already linked or have another pending request.");
            }

            link.Status = CoachLinkStatus.Active;
            link.AcceptedAt = now;
            return false;
        }, cancellationToken);

    /// <summary>
    /// Either side ends a link (or withdraws or declines a pending one). Ending an active link appends a
    /// <see cref="EventKind.CoachLinkEnded"/> event in the same transaction: every instance then ends the
    /// coach's subscriptions on that athlete.
    /// </summary>
    public Task<Idempotent<CoachLink>> EndAsync(User user, CoachLinkInput input, CancellationToken cancellationToken) =>
        ChangeAsync(user, input, "endCoachLink", (_, link, now, _) =>
        {
            if (link.Status == CoachLinkStatus.Ended)
            {
                throw new CoachLinkStateException("The link has already ended.");
            }

            var wasActive = link.Status == CoachLinkStatus.Active;
            link.Status = CoachLinkStatus.Ended;
            link.EndedAt = now;
            return Task.FromResult(wasActive);
        }, cancellationToken);

    /// <summary>
    /// The links <paramref name="user"/> sees: those they are a side of, and pending requests sent to their
    /// email that wait for their role.
    /// </summary>
    public static IQueryable<CoachLink> VisibleTo(IQueryable<CoachLink> links, User user)
    {
        var email = user.Email is null ? null : NormalizeEmail(user.Email);
        var isCoach = user.Role == UserRole.Coach;
        return links.Where(l => l.CoachId == user.Id || l.AthleteId == user.Id ||
                                (email != null && l.Status == CoachLinkStatus.Pending && l.InviteeEmail == email &&
                                 (isCoach ? l.CoachId == null : l.AthleteId == null)));
    }

    private static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    /// <param name="change">Changes the link; true when the coach lost access by it (an event is appended).</param>
    private Task<Idempotent<CoachLink>> ChangeAsync(
        User user, CoachLinkInput input, string operation, Func<WorkoutDb, CoachLink, DateTimeOffset, CancellationToken, Task<bool>> change, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return idempotent.RunAsync(
            user.Id,
            input.ClientMutationId,
            operation,
            new { input.LinkId },
            async (db, ct) =>
            {
                var link = await VisibleTo(db.CoachLinks.FromSql($"SELECT * FROM coach_links WHERE id = {input.LinkId} FOR UPDATE"), user).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException("Coach link", input.LinkId.ToString());
                var accessEnded = await change(db, link, now, ct);
                await db.SaveChangesAsync(ct);
                if (accessEnded)
                {
                    await EventLogWriter.AppendAsync(
                        db, EventKind.CoachLinkEnded, link.AthleteId!.Value, sessionId: null, setId: null, sessionVersion: null,
                        bodyMapWeekStart: null, bodyMapVersion: null, link.CoachId, now, ct);
                }

                return (link, link.Id.ToString());
            },
            ReplayAsync,
            cancellationToken);
    }

    private static async Task<CoachLink> ReplayAsync(WorkoutDb db, string? resultId, CancellationToken ct) =>
        await db.CoachLinks.AsNoTracking().SingleAsync(l => l.Id == Guid.Parse(resultId!), ct);
}
