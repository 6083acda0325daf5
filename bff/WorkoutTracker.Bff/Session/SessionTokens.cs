using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;

namespace WorkoutTracker.Bff.Session;

/// <summary>
/// The user's tokens for the server API. They live server-side only (<c>bff.sessions.tokens</c>,
/// encrypted with Data Protection); the cookie carries nothing but a protected session key.
/// </summary>
public sealed record SessionTokens(string AccessToken, DateTimeOffset AccessTokenExpiresAt, string? RefreshToken, DateTimeOffset? RefreshTokenExpiresAt)
{
    private const string AccessTokenName = "access_token";
    private const string RefreshTokenName = "refresh_token";
    private const string ExpiresAtName = "expires_at";
    private const string RefreshExpiresAtName = "refresh_expires_at";

    /// <summary>Puts the tokens on a new ticket's properties, where the ticket store picks them up.</summary>
    public void StoreIn(AuthenticationProperties properties)
    {
        List<AuthenticationToken> tokens =
        [
            new() { Name = AccessTokenName, Value = AccessToken },
            new() { Name = ExpiresAtName, Value = AccessTokenExpiresAt.ToString("o", CultureInfo.InvariantCulture) },
        ];
        if (RefreshToken is not null)
        {
            tokens.Add(new() { Name = RefreshTokenName, Value = RefreshToken });
        }

        if (RefreshTokenExpiresAt is { } refreshExpiresAt)
        {
            tokens.Add(new() { Name = RefreshExpiresAtName, Value = refreshExpiresAt.ToString("o", CultureInfo.InvariantCulture) });
        }

        properties.StoreTokens(tokens);
    }

    /// <summary>Takes the tokens off a ticket's properties (so the stored ticket holds none), if it has any.</summary>
    public static SessionTokens? TakeFrom(AuthenticationProperties properties)
    {
        var accessToken = properties.GetTokenValue(AccessTokenName);
        var tokens = accessToken is null
            ? null
            : new SessionTokens(
                accessToken,
                ParseTime(properties.GetTokenValue(ExpiresAtName)) ?? DateTimeOffset.MinValue,
                properties.GetTokenValue(RefreshTokenName),
                ParseTime(properties.GetTokenValue(RefreshExpiresAtName)));
        foreach (var key in properties.Items.Keys.Where(k => k.StartsWith(".Token", StringComparison.Ordinal)).ToList())
        {
            properties.Items.Remove(key);
        }

        return tokens;
    }

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this);

    public static SessionTokens? FromUtf8Json(byte[] json) => JsonSerializer.Deserialize<SessionTokens>(json);

    private static DateTimeOffset? ParseTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? time : null;
}
