using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace WorkoutTracker.CoachEvaluation;

/// <summary>
/// A local OpenAI-compatible chat-completions server (Kestrel on loopback, non-streaming
/// <c>POST /v1/chat/completions</c>, and Azure OpenAI's deployment route) standing in for a model: it records every request and answers
/// what its <see cref="Script"/> says (tool calls, a text answer, an error status, or nothing
/// until the client gives up).
/// </summary>
public sealed class FakeChatModel : IAsyncDisposable
{
    private readonly ConcurrentQueue<ChatRequest> _requests = new();
    private WebApplication? _app;
    private int _counter;

    /// <summary>The base URL to configure as <c>Coach:Model:Endpoint</c> (ends in /v1).</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The same server as an Azure OpenAI resource (<c>/openai/deployments/{deployment}/chat/completions</c>).</summary>
    public Uri AzureEndpoint { get; private set; } = null!;

    public Func<ChatRequest, FakeReply> Script { get; set; } = _ => FakeReply.Text("No script.");

    public IReadOnlyList<ChatRequest> Requests => [.. _requests];

    /// <summary>Forgets the requests so far and sets the script of the next test.</summary>
    public void Reset(Func<ChatRequest, FakeReply> script)
    {
        _requests.Clear();
        Interlocked.Exchange(ref _counter, 0);
        Script = script;
    }

    /// <summary>Starts listening on a free loopback port (or <paramref name="url"/>).</summary>
    public async Task StartAsync(string url = "http://127.0.0.1:0")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear(); // not the server's appsettings.json beside the tests
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _app = builder.Build();
        _app.MapPost("/v1/chat/completions", AnswerAsync);
        _app.MapPost("/openai/deployments/{deployment}/chat/completions", AnswerAsync);
        await _app.StartAsync();
        Endpoint = new Uri(_app.Urls.First() + "/v1");
        AzureEndpoint = new Uri(_app.Urls.First());
    }

    private async Task AnswerAsync(HttpContext http)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted))!.AsObject();
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new ChatRequest(Interlocked.Increment(ref _counter) - 1, body) { Path = http.Request.Path, Headers = headers };
        _requests.Enqueue(request);
        var reply = Script(request);
        if (reply.Hang)
        {
            await Task.Delay(Timeout.Infinite, http.RequestAborted);
        }

        http.Response.StatusCode = reply.Status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(reply.Body(request.Number), http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

/// <summary>One request the fake received: its number (0 first) and its JSON body.</summary>
public sealed record ChatRequest(int Number, JsonObject Body)
{
    public string Path { get; init; } = "";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public JsonArray Messages => Body["messages"]!.AsArray();

    /// <summary>The names of the functions offered as tools (Semantic Kernel prefixes the plugin: "history-get_e1rm_trend").</summary>
    public IReadOnlyList<string> ToolNames =>
        Body["tools"] is JsonArray tools ? [.. tools.Select(t => t!["function"]!["name"]!.GetValue<string>())] : [];

    public string? ToolChoice => Body["tool_choice"] switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonObject choice => choice.ToJsonString(),
        _ => null,
    };

    /// <summary>The tool results sent back, by tool call id, in order.</summary>
    public IReadOnlyList<(string CallId, string Content)> ToolResults =>
        [.. Messages.Where(m => m!["role"]!.GetValue<string>() == "tool")
            .Select(m => (m!["tool_call_id"]!.GetValue<string>(), Content(m!["content"])))];

    /// <summary>The advertised function whose name ends with <paramref name="function"/>.</summary>
    public string Tool(string function) => ToolNames.Single(n => n.EndsWith(function, StringComparison.Ordinal));

    private static string Content(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p!["text"]?.GetValue<string>())),
        _ => "",
    };
}

/// <summary>What the fake answers: tool calls (by function name suffix), a text, an error status, or a hang.</summary>
public sealed class FakeReply
{
    private readonly Func<int, string> _body;

    private FakeReply(int status, bool hang, Func<int, string> body)
    {
        Status = status;
        Hang = hang;
        _body = body;
    }

    public int Status { get; }

    public bool Hang { get; }

    public static FakeReply Hangs { get; } = new(200, true, _ => "");

    public string Body(int number) => _body(number);

    public static FakeReply Text(string answer) => new(200, false, n => Completion(n, new JsonObject
    {
        ["role"] = "assistant",
        ["content"] = answer,
    }, "stop"));

    /// <summary>Tool calls with full function names (take them from <see cref="ChatRequest.Tool"/>) and their arguments.</summary>
    public static FakeReply Tools(params (string Function, object Arguments)[] calls) => new(200, false, n => Completion(n, new JsonObject
    {
        ["role"] = "assistant",
        ["content"] = null,
        ["tool_calls"] = new JsonArray([.. calls.Select((call, i) => (JsonNode)new JsonObject
        {
            ["id"] = $"call_{n}_{i}",
            ["type"] = "function",
            ["function"] = new JsonObject
            {
                ["name"] = call.Function,
                ["arguments"] = JsonSerializer.Serialize(call.Arguments),
            },
        })]),
    }, "tool_calls"));

    public static FakeReply Error(int status) => new(status, false, _ => """{"error":{"message":"The fake model is down.","type":"server_error"}}""");

    private static string Completion(int number, JsonObject message, string finishReason) => new JsonObject
    {
        ["id"] = $"chatcmpl-fake-{number}",
        ["object"] = "chat.completion",
        ["created"] = 1_764_000_000,
        ["model"] = "fake-coach",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = message,
            ["finish_reason"] = finishReason,
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 20, ["total_tokens"] = 120 },
    }.ToJsonString();
}
