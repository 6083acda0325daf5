using System.Net;
using Microsoft.Extensions.Options;
using WorkoutTracker.Bff.Proxy;

namespace WorkoutTracker.Bff.Session;

/// <summary>
/// The server's development issuer, <c>POST /dev/token</c>: sign in with email and password, or redeem a
/// (single-use, rotating) refresh token; <c>POST /dev/revoke</c>: revoke one. Tries the next server instance
/// when one cannot be reached.
/// </summary>
public sealed class AccountClient(HttpClient http, IOptions<ServerOptions> options, TimeProvider clock)
{
    private readonly IReadOnlyList<Uri> _servers = options.Value.AllAddresses();
    private int _next;

    /// <summary>
    /// Tokens for the user, or null when the server refuses the credentials. The client's address goes along
    /// as <c>X-Forwarded-For</c>, so the server's sign-in throttle keys on the client, not on the BFF (when the
    /// server trusts the BFF as a proxy). A throttled attempt (429) throws <see cref="SignInThrottledException"/>.
    /// </summary>
    public Task<SessionTokens?> SignInAsync(string email, string password, System.Net.IPAddress? client, CancellationToken cancellationToken) =>
        PostAsync(new { email, password }, cancellationToken, client);

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

    private async Task<SessionTokens?> PostAsync(object body, CancellationToken cancellationToken, System.Net.IPAddress? client = null)
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
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "dev/token")) { Content = JsonContent.Create(body) };
                if (client is not null)
                {
                    request.Headers.Add("X-Forwarded-For", client.ToString());
                }

                using var response = await http.SendAsync(request, cancellationToken);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest)
                {
                    return null;
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    throw new SignInThrottledException(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
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

/// <summary>The server refused a sign-in attempt for now (too many failures); try again after <see cref="RetryAfter"/>.</summary>
public sealed class SignInThrottledException(TimeSpan retryAfter) : Exception($"Too many failed sign-ins; retry after {retryAfter}.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
