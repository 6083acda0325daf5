using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace WorkoutTracker.EndToEnd.Tests.MobileWeb;

/// <summary>What a page sends and receives on <c>/graphql</c> (HTTP and WebSocket), and its console errors.</summary>
public sealed class BrowserTraffic
{
    public sealed record GraphQLRequest(string Method, string Url, string? Body, string? IfNoneMatch);

    public ConcurrentQueue<GraphQLRequest> Requests { get; } = new();

    /// <summary>URLs of <c>/graphql</c> GETs answered 304 Not Modified.</summary>
    public ConcurrentQueue<string> NotModified { get; } = new();

    /// <summary>Text frames the page received over WebSockets.</summary>
    public ConcurrentQueue<string> SocketFrames { get; } = new();

    /// <summary>Text frames the page sent over WebSockets.</summary>
    public ConcurrentQueue<string> SocketFramesSent { get; } = new();

    public ConcurrentQueue<string> ConsoleErrors { get; } = new();

    public static BrowserTraffic Record(IPage page)
    {
        var traffic = new BrowserTraffic();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                traffic.ConsoleErrors.Enqueue($"{message.Text} ({message.Location})");
            }
        };
        page.Request += (_, request) =>
        {
            if (IsGraphQL(request.Url))
            {
                traffic.Requests.Enqueue(new GraphQLRequest(request.Method, request.Url, request.PostData, request.Headers.GetValueOrDefault("if-none-match")));
            }
        };
        page.Response += (_, response) =>
        {
            if (IsGraphQL(response.Url) && response.Status == 304)
            {
                traffic.NotModified.Enqueue(response.Url);
            }
        };
        page.WebSocket += (_, socket) =>
        {
            socket.FrameReceived += (_, frame) =>
            {
                if (frame.Text is { } text)
                {
                    traffic.SocketFrames.Enqueue(text);
                }
            };
            socket.FrameSent += (_, frame) =>
            {
                if (frame.Text is { } text)
                {
                    traffic.SocketFramesSent.Enqueue(text);
                }
            };
        };
        return traffic;
    }

    /// <summary>Waits until the page has sent a graphql-ws <c>subscribe</c> for <paramref name="operationName"/>.</summary>
    public async Task WaitForSubscribeAsync(string operationName, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!SocketFramesSent.Any(f => f.Contains("\"type\":\"subscribe\"", StringComparison.Ordinal) && f.Contains($"\"operationName\":\"{operationName}\"", StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The page sent no subscribe for {operationName} within {timeout}.");
            }

            await Task.Delay(100);
        }
    }

    private static bool IsGraphQL(string url) => new Uri(url).AbsolutePath == "/graphql";
}
