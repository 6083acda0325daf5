using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Tests.Infrastructure;

/// <summary>
/// The real server (Program.cs, its whole wiring) on the ASP.NET Core test host, over a database of
/// its own that the server migrates and seeds on start. One per test class (<c>IClassFixture</c>).
/// </summary>
public class WorkoutApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private WorkoutApiFactory? _databaseOwner;

    /// <summary>
    /// Every request of the test host comes from one address: the per-address sign-in and sign-up limits are
    /// raised out of the way (tests of those limits set their own).
    /// </summary>
    public WorkoutApiFactory()
    {
        With("Identity:LocalAccounts:SignInsPerAddress", "100000");
        With("Identity:LocalAccounts:SignUpsPerAddress", "100000");
    }

    public string ConnectionString { get; private set; } = "";

    /// <summary>Configuration for this host, applied before it starts (e.g. lower limits).</summary>
    public WorkoutApiFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Run this host on <paramref name="owner"/>'s database (a second server instance); it neither creates nor drops it.</summary>
    public WorkoutApiFactory SharingDatabaseOf(WorkoutApiFactory owner)
    {
        _databaseOwner = owner;
        return this;
    }

    public virtual async Task InitializeAsync()
    {
        ConnectionString = _databaseOwner?.ConnectionString ?? await TestPostgres.CreateDatabaseAsync();
        StartHost();
    }

    /// <summary>Starts the host now, so migrations and seeding run here, not inside the first test.</summary>
    protected virtual void StartHost() => _ = Server;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_databaseOwner is null)
        {
            await TestPostgres.DropDatabaseAsync(ConnectionString);
        }

        await DisposeDependenciesAsync();
    }

    /// <summary>Stops what the host depended on (e.g. a local identity provider), after the host has stopped.</summary>
    protected virtual ValueTask DisposeDependenciesAsync() => ValueTask.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Workouts", ConnectionString);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client carrying a real token from the development issuer for <paramref name="user"/>.</summary>
    public async Task<HttpClient> CreateClientForAsync(DemoUser user)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await GetTokenAsync(user.Email, user.Password));
        return client;
    }

    /// <summary>Adds a user with a password to this database (beyond the seeded demo users).</summary>
    public async Task<DemoUser> CreateUserAsync(UserRole role, string? name = null)
    {
        var id = Guid.CreateVersion7();
        var user = new DemoUser(id, name ?? $"{role} {id.ToString()[^6..]}", role, $"{id:N}@test.workouttracker.dev", "test-password");
        var entity = new User { Id = id, DisplayName = user.DisplayName, Role = role, Email = user.Email };
        entity.PasswordHash = new PasswordHasher<User>().HashPassword(entity, user.Password);
        await using var scope = Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<WorkoutDb>>().CreateDbContextAsync();
        db.Users.Add(entity);
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>A fresh context on this host's database, for arranging and asserting stored state.</summary>
    public Task<WorkoutDb> CreateDbAsync() =>
        Services.GetRequiredService<IDbContextFactory<WorkoutDb>>().CreateDbContextAsync();

    /// <summary>Waits until this instance's event log reader has at least <paramref name="count"/> subscribers.</summary>
    public async Task WaitForSessionSubscribersAsync(int count)
    {
        var hub = Services.GetRequiredService<WorkoutTracker.Server.Common.EventLog.EventLogReader>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (hub.SubscriberCount < count)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    public async Task<string> GetTokenAsync(string email, string password)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/account/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return token!.AccessToken;
    }

    private sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);
}
