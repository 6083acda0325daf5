using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace WorkoutTracker.Bff.Tests.Infrastructure;

/// <summary>
/// One instance of the real GraphQL server (its Program.cs and whole wiring) on Kestrel, loopback, a
/// free port, so the BFF's proxy reaches it over real HTTP. It records the bearer token of every
/// <c>/graphql</c> request it receives.
/// </summary>
public sealed class ServerHost : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _services;

    public ServerHost(string connectionString, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        _connectionString = connectionString;
        _settings = settings;
        _services = services;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The Authorization headers of the <c>/graphql</c> requests (HTTP and WebSocket upgrades) this instance served.</summary>
    public ConcurrentQueue<string?> GraphQLAuthorizations { get; } = new();

    public Uri Address { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Workouts", _connectionString);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RecordAuthorization(GraphQLAuthorizations)));
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    private sealed class RecordAuthorization(ConcurrentQueue<string?> log) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path.StartsWithSegments("/graphql", StringComparison.Ordinal))
                {
                    log.Enqueue(context.Request.Headers.Authorization.ToString());
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
