using System.Net;
using Microsoft.Extensions.Options;
using WorkoutTracker.Bff.Proxy;

namespace WorkoutTracker.Bff.Session;

/// <summary>
/// The server's development issuer, <c>POST /dev/token</c>: sign in with email and password, or redeem a
/// (single-use, rotating) refresh token; <c>POST /dev/revoke</c>: revoke one. Tries the next server instance
/// when one cannot be reached.
/// </summary>
public sealed class DevelopmentTokenClient(HttpClient http, IOptions<ServerOptions> options, TimeProvider clock)
{
    private readonly IReadOnlyList<Uri> _servers = options.Value.AllAddresses();
    private int _next;

    /// <summary>Tokens for the user, or null when the server refuses the credentials.</summary>
    public Task<SessionTokens?> SignInAsync(string email, string password, CancellationToken cancellationToken) =>
        PostAsync(new { email, password }, cancellationToken);

    /// <summary>New tokens for a refresh token (which is spent), or null when it is expired or already used.</summary>
    public Task<SessionTokens?> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        PostAsync(new { refreshToken }, cancellationToken);

    /// <summary>
    /// Revokes a refresh token at the server (RFC 7009, <c>POST /dev/revoke</c>). True when the server answered
    /// 200 (which it does for any token, valid or not); false when it could not be reached or refused the request.
    /// </summary>
    public async Task<bool> RevokeAsync(string refreshToken, CancellationToken cancellationToken)
    {
        foreach (var server in Rotation())
        {
            try
            {
                using var form = new FormUrlEncodedContent([new("token", refreshToken), new("token_type_hint", "refresh_token")]);
                using var response = await http.PostAsync(new Uri(server, "dev/revoke"), form, cancellationToken);
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError)
            {
                // that instance is down: try the next one
            }
        }

        return false;
    }

    private IEnumerable<Uri> Rotation()
    {
        var first = (Interlocked.Increment(ref _next) & int.MaxValue) % _servers.Count;
        return Enumerable.Range(0, _servers.Count).Select(i => _servers[(first + i) % _servers.Count]);
    }

    private async Task<SessionTokens?> PostAsync(object body, CancellationToken cancellationToken)
    {
        if (_servers.Count == 0)
        {
            throw new InvalidOperationException("No server address is configured (Server:BaseAddress or Server:Addresses).");
        }

        var first = (Interlocked.Increment(ref _next) & int.MaxValue) % _servers.Count;
        for (var attempt = 0; ; attempt++)
        {
            var server = _servers[(first + attempt) % _servers.Count];
            try
            {
                using var response = await http.PostAsJsonAsync(new Uri(server, "dev/token"), body, cancellationToken);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest)
                {
                    return null;
                }

                response.EnsureSuccessStatusCode();
                var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                    ?? throw new InvalidOperationException("The token endpoint answered no body.");
                var now = clock.GetUtcNow();
                return new SessionTokens(token.AccessToken, now.AddSeconds(token.ExpiresIn), token.RefreshToken, now.AddSeconds(token.RefreshExpiresIn));
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError && attempt + 1 < _servers.Count)
            {
                // that instance is down: the request never reached it, so trying the next one is safe
            }
        }
    }

    private sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, int RefreshExpiresIn);
}
