namespace WorkoutTracker.Bff.Security;

/// <summary>Section <c>Bff:Antiforgery</c>: the header every BFF API call must carry (Duende's <c>X-CSRF: 1</c>).</summary>
public sealed class AntiforgeryOptions
{
    public const string SectionName = "Bff:Antiforgery";

    public string HeaderName { get; set; } = "X-CSRF";

    public string HeaderValue { get; set; } = "1";

    /// <summary>
    /// Origins whose WebSocket handshakes need no header (browsers cannot add one): the BFF's own origin
    /// always counts; list others here (e.g. <c>https://app.example</c>, or the public origin behind a TLS proxy).
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];
}
