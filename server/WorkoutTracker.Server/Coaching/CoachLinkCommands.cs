using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.Common.Idempotency;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Coaching;

public sealed record RequestCoachLinkInput(string ClientMutationId, string Email) : IMutationInput;

public sealed record CoachLinkInput(string ClientMutationId, Guid LinkId) : IMutationInput;

/// <summary>Asking, accepting and ending coach–athlete links; each idempotent by clientMutationId.</summary>
public sealed class CoachLinkCommands(IdempotentMutations idempotent, TimeProvider clock)
{
    /// <summary>An athlete invites a coach, or a coach asks to follow an athlete, by the other's email.</summary>
    public Task<Idempotent<CoachLink>> RequestAsync(User requester, RequestCoachLinkInput input, CancellationToken cancellationToken)
    {
        var email = input.Email.Trim();
        if (email.Length is 0 or > 254)
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
                var other = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == email, ct)
                    ?? throw new NotFoundException("User", email);
                if (other.Role == requester.Role)
                {
                    throw new CoachLinkStateException("A link joins one coach and one athlete.");
                }

                var (coachId, athleteId) = requester.Role == UserRole.Coach ? (requester.Id, other.Id) : (other.Id, requester.Id);
                if (await db.CoachLinks.AnyAsync(l => l.CoachId == coachId && l.AthleteId == athleteId && l.Status != CoachLinkStatus.Ended, ct))
                {
                    throw new CoachLinkStateException("These two are already linked or have a pending request.");
                }

                var link = new CoachLink
                {
                    Id = Guid.CreateVersion7(now),
                    CoachId = coachId,
                    AthleteId = athleteId,
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

    /// <summary>The side that did not ask accepts a pending link.</summary>
    public Task<Idempotent<CoachLink>> AcceptAsync(User user, CoachLinkInput input, CancellationToken cancellationToken) =>
        ChangeAsync(user, input, "acceptCoachLink", (link, now) =>
        {
            if (link.Status != CoachLinkStatus.Pending)
            {
                throw new CoachLinkStateException("Only a pending link can be accepted.");
            }

            if (link.RequestedBy == user.Id)
            {
                throw new CoachLinkStateException("The other side accepts a request, not the one who sent it.");
            }

            link.Status = CoachLinkStatus.Active;
            link.AcceptedAt = now;
        }, cancellationToken);

    /// <summary>
    /// Either side ends a link (or withdraws or declines a pending one). Ending an active link appends a
    /// <see cref="EventKind.CoachLinkEnded"/> event in the same transaction: every instance then ends the
    /// coach's subscriptions on that athlete.
    /// </summary>
    public Task<Idempotent<CoachLink>> EndAsync(User user, CoachLinkInput input, CancellationToken cancellationToken) =>
        ChangeAsync(user, input, "endCoachLink", (link, now) =>
        {
            if (link.Status == CoachLinkStatus.Ended)
            {
                throw new CoachLinkStateException("The link has already ended.");
            }

            var wasActive = link.Status == CoachLinkStatus.Active;
            link.Status = CoachLinkStatus.Ended;
            link.EndedAt = now;
            return wasActive;
        }, cancellationToken);

    private Task<Idempotent<CoachLink>> ChangeAsync(User user, CoachLinkInput input, string operation, Action<CoachLink, DateTimeOffset> change, CancellationToken cancellationToken) =>
        ChangeAsync(user, input, operation, (link, now) =>
        {
            change(link, now);
            return false;
        }, cancellationToken);

    /// <param name="change">Changes the link; true when the coach lost access by it (an event is appended).</param>
    private Task<Idempotent<CoachLink>> ChangeAsync(User user, CoachLinkInput input, string operation, Func<CoachLink, DateTimeOffset, bool> change, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return idempotent.RunAsync(
            user.Id,
            input.ClientMutationId,
            operation,
            new { input.LinkId },
            async (db, ct) =>
            {
                var link = await db.CoachLinks.FromSql($"SELECT * FROM coach_links WHERE id = {input.LinkId} FOR UPDATE").SingleOrDefaultAsync(ct);
                if (link is null || (link.CoachId != user.Id && link.AthleteId != user.Id))
                {
                    throw new NotFoundException("Coach link", input.LinkId.ToString());
                }

                var accessEnded = change(link, now);
                await db.SaveChangesAsync(ct);
                if (accessEnded)
                {
                    await EventLogWriter.AppendAsync(
                        db, EventKind.CoachLinkEnded, link.AthleteId, sessionId: null, setId: null, sessionVersion: null,
                        bodyMapWeekStart: null, bodyMapVersion: null, link.CoachId, now, ct);
                }

                return (link, link.Id.ToString());
            },
            ReplayAsync,
            cancellationToken);
    }

    private static async Task<CoachLink> ReplayAsync(Data.WorkoutDb db, string? resultId, CancellationToken ct) =>
        await db.CoachLinks.AsNoTracking().SingleAsync(l => l.Id == Guid.Parse(resultId!), ct);
}
