using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using WorkoutTracker.Bff.Proxy;

namespace WorkoutTracker.Bff.Session;

/// <summary>
/// The server's local-account endpoints: <c>POST /account/token</c> (sign in with email and password, or redeem
/// a single-use, rotating refresh token), <c>/account/revoke</c>, <c>/account/signup</c>, <c>/account/password</c>
/// and <c>/account/delete</c>. Tries the next server instance when one cannot be reached.
/// </summary>
public sealed class AccountClient(HttpClient http, IOptions<ServerOptions> options, TimeProvider clock)
{
    private readonly IReadOnlyList<Uri> _servers = options.Value.AllAddresses();
    private int _next;

    /// <summary>What the server answered: tokens on success, else its status and problem document (passed on to the client).</summary>
    public sealed record Answer(HttpStatusCode Status, SessionTokens? Tokens, JsonNode? Problem, TimeSpan? RetryAfter);

    /// <summary>
    /// Tokens for the user, or null when the server refuses the credentials. The client's address goes along
    /// as <c>X-Forwarded-For</c>, so the server's sign-in throttle keys on the client, not on the BFF (when the
    /// server trusts the BFF as a proxy). A throttled attempt (429) throws <see cref="SignInThrottledException"/>.
    /// </summary>
    public async Task<SessionTokens?> SignInAsync(string email, string password, IPAddress? client, CancellationToken cancellationToken)
    {
        var answer = await SendAsync("account/token", new { email, password }, null, client, cancellationToken);
        return answer.Status == HttpStatusCode.TooManyRequests
            ? throw new SignInThrottledException(answer.RetryAfter ?? TimeSpan.FromSeconds(1))
            : answer.Tokens;
    }

    /// <summary>New tokens for a refresh token (which is spent), or null when it is expired, used or revoked.</summary>
    public async Task<SessionTokens?> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        (await SendAsync("account/token", new { refreshToken }, null, null, cancellationToken)).Tokens;

    public Task<Answer> SignUpAsync(object request, IPAddress? client, CancellationToken cancellationToken) =>
        SendAsync("account/signup", request, null, client, cancellationToken);

    public Task<Answer> ChangePasswordAsync(object request, string accessToken, IPAddress? client, CancellationToken cancellationToken) =>
        SendAsync("account/password", request, accessToken, client, cancellationToken);

    public Task<Answer> DeleteAccountAsync(object request, string accessToken, IPAddress? client, CancellationToken cancellationToken) =>
        SendAsync("account/delete", request, accessToken, client, cancellationToken);

    /// <summary>
    /// Revokes a refresh token's family at the server (RFC 7009). True when the server answered 200 (which it does
    /// for any token, valid or not); false when it could not be reached or refused the request.
    /// </summary>
    public async Task<bool> RevokeAsync(string refreshToken, CancellationToken cancellationToken)
    {
        foreach (var server in Rotation())
        {
            try
            {
                using var form = new FormUrlEncodedContent([new("token", refreshToken), new("token_type_hint", "refresh_token")]);
                using var response = await http.PostAsync(new Uri(server, "account/revoke"), form, cancellationToken);
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
        if (_servers.Count == 0)
        {
            throw new InvalidOperationException("No server address is configured (Server:BaseAddress or Server:Addresses).");
        }

        var first = (Interlocked.Increment(ref _next) & int.MaxValue) % _servers.Count;
        return Enumerable.Range(0, _servers.Count).Select(i => _servers[(first + i) % _servers.Count]);
    }

    private async Task<Answer> SendAsync(string path, object body, string? accessToken, IPAddress? client, CancellationToken cancellationToken)
    {
        var servers = Rotation().ToList();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(servers[attempt], path)) { Content = JsonContent.Create(body) };
                if (client is not null)
                {
                    request.Headers.Add("X-Forwarded-For", client.ToString());
                }

                if (accessToken is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
                }

                using var response = await http.SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                var json = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
                    ? JsonNode.Parse(text)
                    : null;
                if (!response.IsSuccessStatusCode || json?["accessToken"] is null)
                {
                    if ((int)response.StatusCode >= 500)
                    {
                        response.EnsureSuccessStatusCode();
                    }

                    return new Answer(response.StatusCode, null, json, response.Headers.RetryAfter?.Delta);
                }

                var now = clock.GetUtcNow();
                var tokens = new SessionTokens(
                    json["accessToken"]!.GetValue<string>(),
                    now.AddSeconds(json["expiresIn"]!.GetValue<int>()),
                    json["refreshToken"]!.GetValue<string>(),
                    now.AddSeconds(json["refreshExpiresIn"]!.GetValue<int>()));
                return new Answer(response.StatusCode, tokens, null, null);
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError && attempt + 1 < servers.Count)
            {
                // that instance is down: the request never reached it, so trying the next one is safe
            }
        }
    }
}

/// <summary>The server refused a sign-in attempt for now (too many failures); try again after <see cref="RetryAfter"/>.</summary>
public sealed class SignInThrottledException(TimeSpan retryAfter) : Exception($"Too many failed sign-ins; retry after {retryAfter}.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
