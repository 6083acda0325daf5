using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace WorkoutTracker.Server.Coaching.Agent;

/// <summary>
/// The chat-completion service of <c>Coach:Model</c>, made once per process; null without an endpoint.
/// It gets an HttpClient of its own, outside the shared HttpClient defaults: no retries (the OpenAI
/// client's are off too), because a retried tool-calling conversation only doubles the wait, and no
/// per-attempt timeout, because <see cref="CoachModelOptions.Timeout"/> bounds the whole conversation.
/// </summary>
public sealed class CoachModelClient : IDisposable
{
    /// <summary>OpenAI's client insists on a key; local servers (Ollama, vLLM) ignore it.</summary>
    private const string NoKey = "no-key";

    private readonly HttpClient? _http;

    public CoachModelClient(IOptions<CoachOptions> options, ILoggerFactory loggerFactory)
    {
        var model = options.Value.Model;
        if (!model.IsConfigured)
        {
            return;
        }

        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        var transport = new HttpClientPipelineTransport(_http);
        var noRetries = new ClientRetryPolicy(maxRetries: 0);
        var key = new ApiKeyCredential(string.IsNullOrWhiteSpace(model.ApiKey) ? NoKey : model.ApiKey);
        Service = model.Provider switch
        {
            CoachModelProvider.AzureOpenAI => new AzureOpenAIChatCompletionService(
                model.ModelId!,
                new AzureOpenAIClient(model.EndpointUri, key, new AzureOpenAIClientOptions { Transport = transport, RetryPolicy = noRetries, NetworkTimeout = model.Timeout }),
                model.ModelId,
                loggerFactory),
            _ => new OpenAIChatCompletionService(
                model.ModelId!,
                new OpenAIClient(key, new OpenAIClientOptions { Endpoint = model.EndpointUri, Transport = transport, RetryPolicy = noRetries, NetworkTimeout = model.Timeout }),
                loggerFactory),
        };
    }

    public IChatCompletionService? Service { get; }

    public void Dispose() => _http?.Dispose();
}
