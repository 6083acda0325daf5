using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using WorkoutTracker.Bff.Proxy;

namespace WorkoutTracker.Bff.Session;

public static class SessionExtensions
{
    /// <summary>Whether Entra ID sign-in is configured (section <c>AzureAd</c> with a ClientId).</summary>
    public static bool UsesEntraId(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]);

    /// <summary>
    /// Whether local accounts (sign-up and sign-in through the server's <c>/account</c> endpoints) are offered:
    /// <c>Identity:LocalAccounts:Enabled</c>, by default on exactly when Entra ID is not configured.
    /// </summary>
    public static bool UsesLocalAccounts(this IConfiguration configuration) =>
        configuration.GetValue<bool?>("Identity:LocalAccounts:Enabled") ?? !configuration.UsesEntraId();

    /// <summary>
    /// The session: a cookie (httpOnly, SameSite=Strict, <c>__Host-</c> and Secure outside Development)
    /// that names a server-side session in PostgreSQL; Data Protection keys shared through the same
    /// database, encrypted at rest with a certificate (<see cref="DataProtectionKeyRing"/>). Sign-in is OpenID Connect through Microsoft.Identity.Web when <c>AzureAd</c> is
    /// configured, local accounts at the server's token issuer when <see cref="UsesLocalAccounts"/>, or both.
    /// </summary>
    public static IHostApplicationBuilder AddBffSession(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SessionOptions>().Bind(builder.Configuration.GetSection(SessionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ServerOptions>().Bind(builder.Configuration.GetSection(ServerOptions.SectionName))
            .Validate(o => o.AllAddresses().Count > 0, "Configure the server: Server:BaseAddress or Server:Addresses.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);

        builder.AddBffDataProtection();

        services.AddSingleton<SessionEndSignals>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionEndSignals>());
        services.AddSingleton<PostgresTicketStore>();
        var entraId = builder.Configuration.UsesEntraId();
        var local = builder.Configuration.UsesLocalAccounts();
        if (entraId)
        {
            services.AddAuthentication(o =>
                {
                    o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                    o.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                })
                .AddMicrosoftIdentityWebApp(builder.Configuration.GetSection("AzureAd"), OpenIdConnectDefaults.AuthenticationScheme, CookieAuthenticationDefaults.AuthenticationScheme)
                .EnableTokenAcquisitionToCallDownstreamApi(builder.Configuration.GetSection($"{ServerOptions.SectionName}:Scopes").Get<string[]>() ?? [])
                .AddDistributedTokenCaches();
            services.AddSingleton<EntraIdAccessTokens>();
        }
        else
        {
            services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        }

        if (local)
        {
            services.AddHttpClient<AccountClient>();
            services.AddSingleton<SessionAccessTokens>();
        }

        // Each session's tokens come from where it signed in: local accounts keep them in the session row.
        services.AddSingleton<IUserAccessTokens>(sp => new SelectingAccessTokens(
            local ? sp.GetRequiredService<SessionAccessTokens>() : null,
            entraId ? sp.GetRequiredService<EntraIdAccessTokens>() : null));

        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<PostgresTicketStore, IOptions<SessionOptions>, IHostEnvironment>((cookie, store, options, environment) =>
                ConfigureCookie(cookie, store, options.Value, environment));
        services.AddAuthorization();
        return builder;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, ITicketStore store, SessionOptions options, IHostEnvironment environment)
    {
        var secure = options.SecureCookie ?? !environment.IsDevelopment();
        cookie.SessionStore = store;
        cookie.Cookie.Name = options.CookieName ?? (secure ? "__Host-WorkoutTracker" : "WorkoutTracker.Session");
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        cookie.Cookie.Path = "/";
        cookie.ExpireTimeSpan = options.Lifetime;
        cookie.SlidingExpiration = true;

        // An API: answer 401/403 instead of redirecting to a login page.
        cookie.Events.OnRedirectToLogin = context =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        };
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }
}
