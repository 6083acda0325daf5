using System.Security.Claims;
using System.Security.Cryptography;
using GraphQL;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WorkoutTracker.Server.GraphQL.Http;

namespace WorkoutTracker.Server.Tests.WebSockets;

/// <summary>
/// A minimal host serving <see cref="SubscriptionTestSchema"/> through the project's transport on
/// Kestrel (loopback, a free port), with JWT bearer authentication against a key of its own.
/// </summary>
public class WebSocketTestHost : IAsyncLifetime
{
    private const string Issuer = "websocket-tests";
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private readonly SymmetricSecurityKey _key = new(RandomNumberGenerator.GetBytes(32));
    private WebApplication? _app;

    public WebSocketTestHost With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    private readonly List<Action<IServiceCollection>> _services = [];

    /// <summary>Registers services of the test's own before the transport's (e.g. a clock the test moves).</summary>
    public WebSocketTestHost WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    public Uri GraphQLUri { get; private set; } = null!;

    public StreamTracker Streams => _app!.Services.GetRequiredService<StreamTracker>();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear(); // not the server's appsettings.json beside the tests
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        foreach (var configure in _services)
        {
            configure(builder.Services);
        }

        builder.Services.AddGraphQL(graphQL => graphQL
            .AddSchema<SubscriptionTestSchema>()
            .AddSystemTextJson()
            .AddScopedSubscriptionExecutionStrategy());
        builder.Services.AddGraphQLHttpTransport<SubscriptionTestSchema>(builder.Configuration);
        builder.Services.AddSingleton<StreamTracker>();
        builder.Services.AddScoped<ScopeMarker>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = Issuer,
                ValidAudience = Issuer,
                IssuerSigningKey = _key,
                NameClaimType = "name",
            };
        });

        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseGraphQLWebSockets();
        _app.MapGraphQLHttp<SubscriptionTestSchema>();
        await _app.StartAsync();
        GraphQLUri = new Uri(new Uri(_app.Urls.First().Replace("http://", "ws://", StringComparison.Ordinal)), "/graphql");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>A token for <paramref name="name"/>; <paramref name="signedElsewhere"/> makes one the host must refuse.</summary>
    public string CreateToken(string name = "Alex", bool signedElsewhere = false) => CreateToken(name, Guid.NewGuid().ToString(), DateTime.UtcNow.AddMinutes(5), signedElsewhere);

    /// <summary>A token for <paramref name="subject"/> expiring at <paramref name="expires"/> (which may be in the past: the host allows the default 5 minutes of clock skew).</summary>
    public string CreateToken(string name, string subject, DateTime expires, bool signedElsewhere = false)
    {
        var key = signedElsewhere ? new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) : _key;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = expires.AddMinutes(-10),
            NotBefore = expires.AddMinutes(-10),
            Expires = expires,
            Subject = new ClaimsIdentity([new Claim("name", name), new Claim("sub", subject)]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
