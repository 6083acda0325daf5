using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Identity;

public static class IdentityExtensions
{
    /// <summary>The JwtBearer scheme of the server's own issuer when Entra ID holds the default one.</summary>
    public const string LocalScheme = "LocalAccounts";

    /// <summary>With both providers: picks the scheme by the token's issuer.</summary>
    public const string SelectorScheme = "EntraIdOrLocal";

    /// <summary>Whether an Entra ID app is configured (section <c>AzureAd</c> with a ClientId).</summary>
    public static bool UsesEntraId(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]);

    /// <summary>
    /// JWT bearer authentication by configuration: Entra ID through Microsoft.Identity.Web when <c>AzureAd</c> is
    /// configured, local accounts (the server's own <see cref="TokenIssuer"/>) when
    /// <see cref="LocalAccountsOptions.IsEnabled"/>, or both (a token goes to the scheme of its issuer).
    /// Claims keep their token names.
    /// </summary>
    public static IHostApplicationBuilder AddWorkoutIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var entraId = builder.Configuration.UsesEntraId();
        var local = LocalAccountsOptions.IsEnabled(builder.Configuration, builder.Environment);
        if (!entraId && !local)
        {
            throw new InvalidOperationException(
                $"No identity provider for the '{builder.Environment.EnvironmentName}' environment: configure the AzureAd section (Entra ID), " +
                "or set Identity:LocalAccounts:Enabled=true with an Identity:TokenIssuer:SigningKey of your own (local accounts), or both.");
        }

        var authentication = services.AddAuthentication(entraId && local ? SelectorScheme : JwtBearerDefaults.AuthenticationScheme);
        if (entraId)
        {
            authentication.AddMicrosoftIdentityWebApi(
                jwt =>
                {
                    builder.Configuration.Bind("AzureAd", jwt);
                    jwt.MapInboundClaims = false;
                },
                identity => builder.Configuration.Bind("AzureAd", identity));
        }

        if (local)
        {
            // The issuer's key in appsettings.json is public: SigningKeyPolicy refuses it outside Development and Testing.
            services.AddOptions<TokenIssuerOptions>()
                .Bind(builder.Configuration.GetSection(TokenIssuerOptions.SectionName))
                .ValidateDataAnnotations()
                .ValidateOnStart();
            services.AddSingleton<IValidateOptions<TokenIssuerOptions>, SigningKeyPolicy>();
            services.AddSingleton<TokenIssuer>();
            var scheme = entraId ? LocalScheme : JwtBearerDefaults.AuthenticationScheme;
            authentication.AddJwtBearer(scheme, _ => { });
            services.AddOptions<JwtBearerOptions>(scheme)
                .Configure<TokenIssuer>((jwt, issuer) =>
                {
                    jwt.MapInboundClaims = false;
                    jwt.TokenValidationParameters = issuer.ValidationParameters;
                });
            AddLocalAccounts(builder);
        }

        // Whichever issuer: each token is validated once per instance for its lifetime.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .PostConfigure<TimeProvider>((jwt, clock) =>
            {
                for (var i = 0; i < jwt.TokenHandlers.Count; i++)
                {
                    if (jwt.TokenHandlers[i] is not ValidatedTokenCache)
                    {
                        jwt.TokenHandlers[i] = new ValidatedTokenCache(jwt.TokenHandlers[i], clock);
                    }
                }
            });

        if (entraId && local)
        {
            authentication.AddPolicyScheme(SelectorScheme, "Entra ID or local accounts", policy => policy.ForwardDefaultSelector = context =>
                IssuerOf(context.Request.Headers.Authorization.ToString()) is { } issuer &&
                issuer == context.RequestServices.GetRequiredService<TokenIssuer>().Issuer
                    ? LocalScheme
                    : JwtBearerDefaults.AuthenticationScheme);
        }

        services.AddOptions<LocalAccountsOptions>().Bind(builder.Configuration.GetSection(LocalAccountsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SignInThrottleOptions>().Bind(builder.Configuration.GetSection(SignInThrottleOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SignInThrottle>();
        services.AddAuthorization();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<KnownCallers>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<AccountDeletion>();
        return builder;
    }

    /// <summary>ASP.NET Core Identity's user manager over our users table: hashing, password rules, lockout.</summary>
    private static void AddLocalAccounts(IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(LocalAccountsOptions.SectionName).Get<LocalAccountsOptions>() ?? new LocalAccountsOptions();
        builder.Services.AddIdentityCore<User>(identity =>
            {
                // NIST SP 800-63B: length and a breached-pattern check, no composition rules.
                identity.Password.RequiredLength = options.MinPasswordLength;
                identity.Password.RequiredUniqueChars = 4;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.MaxFailedAccessAttempts = options.MaxFailedSignIns;
                identity.Lockout.DefaultLockoutTimeSpan = options.LockoutDuration;
                identity.Lockout.AllowedForNewUsers = true;
                identity.User.RequireUniqueEmail = true;
                identity.User.AllowedUserNameCharacters = "";
            })
            .AddUserStore<LocalAccountStore>()
            .AddPasswordValidator<BreachedPatternPasswordValidator>();
    }

    private static string? IssuerOf(string authorization)
    {
        const string prefix = "Bearer ";
        if (!authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var handler = new JsonWebTokenHandler();
        var token = authorization[prefix.Length..].Trim();
        try
        {
            return handler.CanReadToken(token) ? handler.ReadJsonWebToken(token).Issuer : null;
        }
        catch (ArgumentException)
        {
            return null; // not a JWT: the default scheme refuses it
        }
    }

    public static WebApplication MapWorkoutIdentity(this WebApplication app)
    {
        if (LocalAccountsOptions.IsEnabled(app.Configuration, app.Environment))
        {
            // Validated here, before the database is touched: a weak or published key stops the start.
            _ = app.Services.GetRequiredService<IOptions<TokenIssuerOptions>>().Value;
            app.MapTokenEndpoints(development: app.Environment.IsDevelopment() || app.Environment.IsEnvironment("Testing"));
            app.MapAccountEndpoints();
        }

        return app;
    }
}
