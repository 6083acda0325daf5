using Microsoft.Extensions.DependencyInjection;

namespace WorkoutTracker.Bff.Tests.Infrastructure;

/// <summary>
/// The real system on loopback: one or more GraphQL server instances and one or more BFF instances
/// sharing a PostgreSQL database of their own (one per test class, <c>IClassFixture</c>). Subclasses
/// change the counts and configuration.
/// </summary>
public class BffSystem : IAsyncLifetime
{
    private readonly List<ServerHost> _servers = [];
    private readonly List<BffHost> _bffs = [];

    public string ConnectionString { get; private set; } = "";

    public IReadOnlyList<ServerHost> Servers => _servers;

    public IReadOnlyList<BffHost> Bffs => _bffs;

    public BffHost Bff => _bffs[0];

    protected virtual int ServerCount => 1;

    protected virtual int BffCount => 1;

    /// <summary>Settings of every server and every BFF instance, before they start.</summary>
    protected virtual void Configure(IDictionary<string, string?> server, IDictionary<string, string?> bff)
    {
    }

    /// <summary>Settings of BFF instance <paramref name="index"/> only, on top of <see cref="Configure"/>.</summary>
    protected virtual void ConfigureInstance(int index, IDictionary<string, string?> bff)
    {
    }

    /// <summary>Test services of every server and BFF instance (e.g. trusting a local identity provider's certificate).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Work after every host has stopped (e.g. stopping a local identity provider).</summary>
    protected virtual Task AfterStopAsync() => Task.CompletedTask;

    /// <summary>Work before any host starts (e.g. building what a host serves).</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await BeforeStartAsync();
        ConnectionString = await TestPostgres.CreateDatabaseAsync("wt_bff");
        var serverSettings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var bffSettings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ConnectionStrings:Workouts"] = ConnectionString,
            ["Bff:Session:SecureCookie"] = "false", // plain HTTP on loopback
            ["Logging:LogLevel:Default"] = "Warning",
        };
        Configure(serverSettings, bffSettings);

        for (var i = 0; i < ServerCount; i++)
        {
            var server = new ServerHost(ConnectionString, serverSettings, ConfigureServices);
            _servers.Add(server);
            server.Start(); // one after the other: the first migrates and seeds
            bffSettings[$"Server:Addresses:{i}"] = server.Address.ToString();
        }

        for (var i = 0; i < BffCount; i++)
        {
            var settings = new Dictionary<string, string?>(bffSettings, StringComparer.Ordinal);
            ConfigureInstance(i, settings);
            var bff = new BffHost(settings, ConfigureServices);
            _bffs.Add(bff);
            bff.Start();
        }
    }

    /// <summary>A signed-in client of BFF instance <paramref name="bff"/>.</summary>
    public async Task<BffClient> SignInAsync(string email, string password, int bff = 0)
    {
        var client = _bffs[bff].CreateBffClient();
        using var response = await client.LoginAsync(email, password);
        response.EnsureSuccessStatusCode();
        return client;
    }

    public Task<BffClient> SignInAthleteAsync(int bff = 0) => SignInAsync(DemoAccounts.AthleteEmail, DemoAccounts.AthletePassword, bff);

    public Task<BffClient> SignInCoachAsync(int bff = 0) => SignInAsync(DemoAccounts.CoachEmail, DemoAccounts.CoachPassword, bff);

    public async Task DisposeAsync()
    {
        foreach (var bff in _bffs)
        {
            await bff.DisposeAsync();
        }

        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        await TestPostgres.DropDatabaseAsync(ConnectionString);
        await AfterStopAsync();
    }
}
