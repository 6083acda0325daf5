using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WorkoutTracker.Bff.Tests.Infrastructure;

/// <summary>A GraphQL answer as the wire carried it.</summary>
public sealed record GraphQLResult(HttpStatusCode Status, HttpResponseHeaders Headers, string? ContentType, JsonNode? Body)
{
    public JsonNode? Data => Body?["data"];

    public JsonArray? Errors => Body?["errors"] as JsonArray;

    public string? FirstErrorCode => Errors?[0]?["extensions"]?["code"]?.GetValue<string>();

    public override string ToString() => $"{(int)Status}: {Body?.ToJsonString()}";
}

/// <summary>
/// A browser-like client of one BFF instance that handles the session cookie itself, so tests can read
/// its attributes and replay it elsewhere. Sends <c>X-CSRF: 1</c> unless told not to.
/// </summary>
public sealed class BffClient(Uri address, string? cookie) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };

    public Uri Address => address;

    /// <summary>The session cookie as a request sends it (<c>name=value</c>).</summary>
    public string? Cookie { get; set; } = cookie;

    public Task<HttpResponseMessage> LoginAsync(string email, string password) => StartSessionAsync("/bff/login", new { email, password });

    /// <summary><c>POST /bff/signup</c>; on success the client holds the new session's cookie.</summary>
    public Task<HttpResponseMessage> SignUpAsync(string email, string displayName, string password, string? role = null) =>
        StartSessionAsync("/bff/signup", new { email, displayName, password, role });

    private async Task<HttpResponseMessage> StartSessionAsync(string path, object body)
    {
        var response = await SendAsync(HttpMethod.Post, path, JsonContent.Create(body));
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            Cookie = cookies.First().Split(';')[0];
        }

        return response;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, bool csrf = true)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (Cookie is not null)
        {
            request.Headers.Add("Cookie", Cookie);
        }

        if (csrf)
        {
            request.Headers.Add("X-CSRF", "1");
        }

        var response = await _http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    public Task<GraphQLResult> QueryAsync(string query, object? variables = null, bool csrf = true) =>
        PostGraphQLAsync(new { query, variables }, csrf);

    /// <summary>A persisted operation of schema/operations by its id, as the mobile app sends it (GET for queries, POST for mutations).</summary>
    public async Task<GraphQLResult> PersistedAsync(string operationName, object? variables = null, bool post = false)
    {
        var id = PersistedOperations.IdOf(operationName);
        if (post)
        {
            return await PostGraphQLAsync(new { documentId = id, operationName, variables });
        }

        var url = $"/graphql?documentId={Uri.EscapeDataString(id)}&operationName={operationName}";
        if (variables is not null)
        {
            url += "&variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables));
        }

        return await ReadAsync(await SendAsync(HttpMethod.Get, url));
    }

    public async Task<GraphQLResult> PostGraphQLAsync(object body, bool csrf = true)
    {
        var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        return await ReadAsync(await SendAsync(HttpMethod.Post, "/graphql", content, csrf));
    }

    public static async Task<GraphQLResult> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            JsonNode? body = null;
            try
            {
                body = text.Length == 0 ? null : JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                body = JsonValue.Create(text);
            }

            return new GraphQLResult(response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType, body);
        }
    }

    public void Dispose() => _http.Dispose();
}
