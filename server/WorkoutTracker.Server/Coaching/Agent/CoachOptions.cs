namespace WorkoutTracker.Server.Coaching.Agent;

/// <summary>The <c>Coach</c> configuration section: limits, and the optional chat model.</summary>
public sealed class CoachOptions
{
    public const string SectionName = "Coach";

    /// <summary>Longest question accepted (characters); longer is a VALIDATION error.</summary>
    public int MaxQuestionLength { get; set; } = 500;

    /// <summary>Longest answer returned (characters); a longer model answer is cut at a sentence.</summary>
    public int MaxAnswerLength { get; set; } = 1500;

    public CoachModelOptions Model { get; set; } = new();
}

/// <summary>
/// <c>Coach:Model</c>: any OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI, Ollama, vLLM,
/// LM Studio). Without an <see cref="Endpoint"/> the built-in offline coach answers.
/// </summary>
public sealed class CoachModelOptions
{
    public CoachModelProvider Provider { get; set; } = CoachModelProvider.OpenAI;

    /// <summary>
    /// Base URL: for OpenAI-compatible servers the one that ends in <c>/v1</c> (<c>https://api.openai.com/v1</c>,
    /// <c>http://localhost:11434/v1</c> for Ollama); for Azure OpenAI the resource URL.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>The model (OpenAI-compatible) or deployment name (Azure OpenAI).</summary>
    public string? ModelId { get; set; }

    /// <summary>The key; local servers that need none (Ollama) may leave it empty.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The whole conversation with the model, tool calls included, must finish within this.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Model responses that may call tools; after that the model must answer from what it has.</summary>
    public int MaxToolRounds { get; set; } = 4;

    /// <summary>Output token limit of each model response.</summary>
    public int MaxOutputTokens { get; set; } = 500;

    /// <summary>What a model error or timeout becomes: the offline coach's answer (default) or a COACH_UNAVAILABLE error.</summary>
    public CoachModelFailure OnFailure { get; set; } = CoachModelFailure.Offline;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    public Uri EndpointUri => new(Endpoint!, UriKind.Absolute);

    /// <summary>Null when valid, otherwise what is wrong (checked on start).</summary>
    public string? Problem()
    {
        if (!IsConfigured)
        {
            return null;
        }

        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "Coach:Model:Endpoint must be an absolute http(s) URL.";
        }

        if (string.IsNullOrWhiteSpace(ModelId))
        {
            return "Coach:Model:ModelId is required with an endpoint.";
        }

        if (Provider == CoachModelProvider.AzureOpenAI && string.IsNullOrWhiteSpace(ApiKey))
        {
            return "Coach:Model:ApiKey is required for Azure OpenAI.";
        }

        return Timeout <= TimeSpan.Zero || MaxToolRounds is < 1 or > 10 || MaxOutputTokens < 16
            ? "Coach:Model needs a positive Timeout, MaxToolRounds 1–10 and MaxOutputTokens of at least 16."
            : null;
    }
}

public enum CoachModelProvider
{
    /// <summary>OpenAI or any server speaking its chat-completions API (Ollama, vLLM, LM Studio).</summary>
    OpenAI,

    AzureOpenAI,
}

public enum CoachModelFailure
{
    /// <summary>Answer with the offline coach (source OFFLINE); the failure is logged.</summary>
    Offline,

    /// <summary>Fail the field with COACH_UNAVAILABLE.</summary>
    Error,
}
