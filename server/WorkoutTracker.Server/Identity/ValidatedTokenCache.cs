using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace WorkoutTracker.Server.Identity;

/// <summary>
/// Validates each bearer token once per instance for its lifetime: a token that validated is remembered
/// until its <c>exp</c> (then validated again, which the JwtBearer clock skew decides), so a client sending
/// the same token on every request pays the signature check and parsing once. Invalid tokens are never
/// remembered. Every request gets its own copy of the identity, so nothing a request adds to it leaks into
/// another. Both doors use it: HTTP requests and WebSocket <c>connection_init</c> run the same scheme.
/// </summary>
public sealed class ValidatedTokenCache(TokenHandler inner, TimeProvider clock) : TokenHandler
{
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _valid = new(StringComparer.Ordinal);

    public TokenHandler Inner => inner;

    public override int MaximumTokenSizeInBytes
    {
        get => inner.MaximumTokenSizeInBytes;
        set => inner.MaximumTokenSizeInBytes = value;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_valid.TryGetValue(token, out var known))
        {
            if (now < known.Until && (ReferenceEquals(known.Parameters, validationParameters) || SameRules(known.Parameters, validationParameters)))
            {
                return Copy(known.Result);
            }

            _valid.TryRemove(token, out _);
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { ValidTo: var validTo } && validTo > now && result.ClaimsIdentity is not null)
        {
            if (_valid.Count >= MaxEntries)
            {
                _valid.Clear();
            }

            _valid[token] = new Entry(result, validTo, validationParameters);
            return Copy(result);
        }

        return result;
    }

    /// <summary>
    /// The scheme may hand a fresh copy of its parameters per request (Microsoft.Identity.Web does, to fill in
    /// issuers and keys from the metadata): the same issuer, audience and keys count as the same rules.
    /// </summary>
    private static bool SameRules(TokenValidationParameters a, TokenValidationParameters b) =>
        a.ValidIssuer == b.ValidIssuer && a.ValidAudience == b.ValidAudience &&
        (a.ValidIssuers ?? []).SequenceEqual(b.ValidIssuers ?? []) && (a.ValidAudiences ?? []).SequenceEqual(b.ValidAudiences ?? []) &&
        a.IssuerSigningKey == b.IssuerSigningKey && (a.IssuerSigningKeys ?? []).SequenceEqual(b.IssuerSigningKeys ?? []) &&
        a.ValidateLifetime == b.ValidateLifetime && a.ValidateIssuer == b.ValidateIssuer && a.ValidateAudience == b.ValidateAudience;

    private static TokenValidationResult Copy(TokenValidationResult result) => new()
    {
        IsValid = true,
        ClaimsIdentity = result.ClaimsIdentity.Clone(),
        SecurityToken = result.SecurityToken,
        TokenType = result.TokenType,
        Issuer = result.Issuer,
        TokenContext = result.TokenContext,
    };

    private sealed record Entry(TokenValidationResult Result, DateTime Until, TokenValidationParameters Parameters);
}
