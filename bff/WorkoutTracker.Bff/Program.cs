using WorkoutTracker.Bff.Data;
using WorkoutTracker.Bff.MobileWeb;
using WorkoutTracker.Bff.Playground;
using WorkoutTracker.Bff.Proxy;
using WorkoutTracker.Bff.Security;
using WorkoutTracker.Bff.Session;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddBffData();
builder.AddBffSession();
builder.AddBffSecurity();
builder.AddGraphQLProxy();

var app = builder.Build();

app.UseTrustedProxies();
app.UsePlayground();
app.UseMobileWeb();
// Routing after the static sites: the mobile app's SPA fallback is an endpoint, and static files are
// not served once an endpoint is chosen, so an earlier UseRouting would hand /playground/ to the fallback.
app.UseRouting();
app.UseWebSockets();
app.UseAuthentication();
app.UseRateLimiter();
app.UseBffApiChecks();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapBffManagementEndpoints();
app.MapGraphQLProxy();
app.MapMobileWebFallback();

await app.EnsureBffDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point; partial so tests can host it.</summary>
public partial class Program;
