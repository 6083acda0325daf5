using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Bff.Data;

namespace WorkoutTracker.Bff.Session;

/// <summary>
/// Server-side sessions (the cookie handler's <see cref="ITicketStore"/>): the cookie holds only a
/// random session key; the ticket and the tokens sit in <c>bff.sessions</c>, protected with the shared
/// Data Protection keys. Signing out deletes the row, so an old cookie is worthless afterwards, and
/// every BFF instance sees the same sessions.
/// </summary>
public sealed class PostgresTicketStore(IDbContextFactory<BffDb> dbs, IDataProtectionProvider dataProtection, SessionEndSignals endSignals, TimeProvider clock) : ITicketStore
{
    /// <summary>Item on a retrieved ticket's properties naming its session (never stored).</summary>
    public const string SessionKeyItem = ".bff.session";

    private readonly IDataProtector _tickets = dataProtection.CreateProtector("WorkoutTracker.Bff.Session.Ticket");
    private readonly IDataProtector _tokens = dataProtection.CreateProtector("WorkoutTracker.Bff.Session.Tokens");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var tokens = SessionTokens.TakeFrom(ticket.Properties);
        var now = clock.GetUtcNow();
        await using var db = await dbs.CreateDbContextAsync();
        db.Sessions.Add(new BffSession
        {
            Key = key,
            Subject = ticket.Principal.FindFirst(BffClaims.Subject)?.Value,
            Ticket = ProtectTicket(ticket),
            Tokens = tokens is null ? null : _tokens.Protect(tokens.ToUtf8Json()),
            ExpiresAt = ticket.Properties.ExpiresUtc,
            CreatedAt = now,
            UpdatedAt = now,
        });
        await db.Sessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync();
        await db.SaveChangesAsync();
        return key;
    }

    /// <summary>Sliding expiry: writes the ticket and its expiry only, never the tokens.</summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ticket.Properties.Items.Remove(SessionKeyItem);
        var protectedTicket = ProtectTicket(ticket);
        var now = clock.GetUtcNow();
        await using var db = await dbs.CreateDbContextAsync();
        await db.Sessions.Where(s => s.Key == key).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Ticket, protectedTicket)
            .SetProperty(x => x.ExpiresAt, ticket.Properties.ExpiresUtc)
            .SetProperty(x => x.UpdatedAt, now));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var stored = await db.Sessions.AsNoTracking()
            .Where(s => s.Key == key && (s.ExpiresAt == null || s.ExpiresAt > now))
            .Select(s => s.Ticket)
            .SingleOrDefaultAsync();
        if (stored is null)
        {
            return null;
        }

        var ticket = UnprotectTicket(stored);
        ticket?.Properties.Items[SessionKeyItem] = key;
        return ticket;
    }

    /// <summary>Deletes the session, then tells every instance (its relayed WebSockets close 4403).</summary>
    public async Task RemoveAsync(string key)
    {
        await using (var db = await dbs.CreateDbContextAsync())
        {
            await db.Sessions.Where(s => s.Key == key).ExecuteDeleteAsync();
        }

        await endSignals.AnnounceAsync(key);
    }

    /// <summary>The session's tokens, or null when the session is gone or has none.</summary>
    public async Task<SessionTokens?> GetTokensAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var stored = await db.Sessions.AsNoTracking().Where(s => s.Key == key).Select(s => s.Tokens).SingleOrDefaultAsync(cancellationToken);
        return UnprotectTokens(stored);
    }

    /// <summary>
    /// Replaces the session's tokens under a row lock held across <paramref name="refresh"/>, so two
    /// requests (on any BFF instances) never redeem the same single-use refresh token: the second one
    /// waits and then sees the first one's new tokens. <paramref name="refresh"/> gets the current tokens
    /// and returns the new ones, the same ones (still fresh), or null (the session cannot go on: it is deleted).
    /// </summary>
    public async Task<SessionTokens?> UpdateTokensAsync(
        string key, Func<SessionTokens, CancellationToken, Task<SessionTokens?>> refresh, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = await db.Sessions.FromSql($"SELECT * FROM bff.sessions WHERE key = {key} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (UnprotectTokens(session?.Tokens) is not { } current)
        {
            return null;
        }

        var next = await refresh(current, cancellationToken);
        if (next is null)
        {
            db.Sessions.Remove(session!);
        }
        else if (!ReferenceEquals(next, current))
        {
            session!.Tokens = _tokens.Protect(next.ToUtf8Json());
            session.UpdatedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (next is null)
        {
            await endSignals.AnnounceAsync(key);
        }

        return next;
    }

    private byte[] ProtectTicket(AuthenticationTicket ticket) => _tickets.Protect(TicketSerializer.Default.Serialize(ticket));

    private AuthenticationTicket? UnprotectTicket(byte[] stored)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(_tickets.Unprotect(stored));
        }
        catch (CryptographicException)
        {
            return null; // keys lost or rotated out: the session is gone
        }
    }

    private SessionTokens? UnprotectTokens(byte[]? stored)
    {
        if (stored is null)
        {
            return null;
        }

        try
        {
            return SessionTokens.FromUtf8Json(_tokens.Unprotect(stored));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

