using Microsoft.Extensions.Options;

namespace WorkoutTracker.Bff.Security;

public static class SecurityExtensions
{
    /// <summary>Anti-forgery options, the athletes' allowlist (the manifest beside the app), trusted proxies and the rate limiter.</summary>
    public static IHostApplicationBuilder AddBffSecurity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AntiforgeryOptions>().Bind(builder.Configuration.GetSection(AntiforgeryOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.HeaderName) && !string.IsNullOrEmpty(o.HeaderValue), "Bff:Antiforgery needs a header name and value.")
            .ValidateOnStart();
        services.AddOptions<AllowlistOptions>().Bind(builder.Configuration.GetSection(AllowlistOptions.SectionName))
            .Validate(o => o.MaxRequestBodyBytes > 0, "Bff:Allowlist:MaxRequestBodyBytes must be positive.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var path = sp.GetRequiredService<IOptions<AllowlistOptions>>().Value.ManifestPath;
            return PersistedOperationAllowlist.Load(Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path));
        });
        services.AddSingleton<AllowlistHttpCheck>();
        services.AddTrustedProxies(builder.Configuration); // X-Forwarded-For only from ForwardedHeaders:KnownProxies/KnownNetworks
        builder.AddBffRateLimiting();
        return builder;
    }
}
