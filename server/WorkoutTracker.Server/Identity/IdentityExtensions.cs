using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Identity;

public static class IdentityExtensions
{
    /// <summary>Whether an Entra ID app is configured (section <c>AzureAd</c> with a ClientId).</summary>
    public static bool UsesEntraId(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]);

    /// <summary>
    /// JWT bearer authentication: Entra ID through Microsoft.Identity.Web when <c>AzureAd</c> is
    /// configured, the local development issuer otherwise. Claims keep their token names.
    /// </summary>
    public static IHostApplicationBuilder AddWorkoutIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (builder.Configuration.UsesEntraId())
        {
            services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApi(
                    jwt =>
                    {
                        builder.Configuration.Bind("AzureAd", jwt);
                        jwt.MapInboundClaims = false;
                    },
                    identity => builder.Configuration.Bind("AzureAd", identity));
        }
        else
        {
            // The development issuer's key sits in appsettings.json for everyone to read: it must never
            // guard a production deployment by accident.
            var allowed = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing") ||
                          builder.Configuration.GetValue("Identity:DevelopmentIssuer:Enabled", false);
            if (!allowed)
            {
                throw new InvalidOperationException(
                    $"No identity provider for the '{builder.Environment.EnvironmentName}' environment: configure the AzureAd section, " +
                    "or set Identity:DevelopmentIssuer:Enabled=true (with a SigningKey of your own) for a non-production deployment.");
            }

            services.AddOptions<DevelopmentIssuerOptions>()
                .Bind(builder.Configuration.GetSection(DevelopmentIssuerOptions.SectionName))
                .ValidateDataAnnotations()
                .ValidateOnStart();
            services.AddSingleton<IValidateOptions<DevelopmentIssuerOptions>, DevelopmentIssuerKeyPolicy>();
            services.AddSingleton<DevelopmentTokenIssuer>();
            services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
            services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
                .Configure<DevelopmentTokenIssuer>((jwt, issuer) =>
                {
                    jwt.MapInboundClaims = false;
                    jwt.TokenValidationParameters = issuer.ValidationParameters;
                });
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
        services.AddOptions<SignInThrottleOptions>().Bind(builder.Configuration.GetSection(SignInThrottleOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddAuthorization();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<KnownCallers>();
        services.AddScoped<CurrentUser>();
        return builder;
    }

    public static WebApplication MapWorkoutIdentity(this WebApplication app)
    {
        if (!app.Configuration.UsesEntraId())
        {
            // Validated here, before the database is touched: a weak or published key stops the start.
            _ = app.Services.GetRequiredService<IOptions<DevelopmentIssuerOptions>>().Value;
            app.MapDevelopmentTokenEndpoint();
        }

        return app;
    }
}
