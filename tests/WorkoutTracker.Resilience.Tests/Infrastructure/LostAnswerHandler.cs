using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;

namespace WorkoutTracker.Resilience.Tests.Infrastructure;

/// <summary>
/// A client-side handler that loses answers after the server committed: every <c>n</c>-th logSet whose answer
/// came back with data is thrown away and reported to the caller as a dropped connection. The server did the
/// work; the client retries with the same clientMutationId and must be answered with the first result
/// (<c>replayed: true</c>) and nothing written twice. Deterministic: which calls lose their answer depends only
/// on their order, not on timing.
/// </summary>
public sealed class LostAnswerHandler(int everyNth) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _successfulLogSets;

    /// <summary>The clientMutationIds whose committed answer was thrown away.</summary>
    public ConcurrentDictionary<string, bool> Lost { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (body is null || !body.Contains("logSet", StringComparison.Ordinal) || !response.IsSuccessStatusCode)
        {
            return response;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var answer = JsonNode.Parse(text);
        var clientMutationId = JsonNode.Parse(body)?["variables"]?["input"]?["clientMutationId"]?.GetValue<string>();
        if (answer?["data"]?["logSet"]?["setId"] is not null && clientMutationId is not null && !Lost.ContainsKey(clientMutationId) &&
            Interlocked.Increment(ref _successfulLogSets) % everyNth == 0)
        {
            Lost[clientMutationId] = true;
            response.Dispose();
            throw new HttpRequestException(HttpRequestError.ConnectionError, "the answer was lost after the server committed (LostAnswerHandler)");
        }

        response.Content = new StringContent(text, Encoding.UTF8, response.Content.Headers.ContentType?.MediaType ?? "application/json");
        return response;
    }
}
