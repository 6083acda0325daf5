using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WorkoutTracker.Server.Identity;

namespace WorkoutTracker.CoachEvaluation;

/// <summary>
/// The real server (Program.cs and all its wiring) on Kestrel at a free loopback port, over the given
/// PostgreSQL database, in the Testing environment (demo data seeded, development issuer on), with its
/// <see cref="TimeProvider"/> pinned (<see cref="Clock"/>) and any extra configuration (the coach's model).
/// Only the training domain's clock is pinned: the development issuer keeps the wall clock, because the
/// JWT handler checks a token's lifetime against the wall clock.
/// </summary>
public sealed class CoachEvalHost : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public CoachEvalHost(string connectionString, DateTimeOffset now, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _connectionString = connectionString;
        _settings = settings ?? new Dictionary<string, string?>();
        Clock = new PinnedClock(now);
        UseKestrel(0);
    }

    public PinnedClock Clock { get; }

    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>Starts the server now (migrations and the demo seed run here).</summary>
    public void Start() => StartServer();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Workouts", _connectionString);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.RemoveAll<TokenIssuer>();
            services.AddSingleton(sp => new TokenIssuer(sp.GetRequiredService<IOptions<TokenIssuerOptions>>(), TimeProvider.System, sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<WorkoutTracker.Server.Data.WorkoutDb>>()));
        });
    }
}
