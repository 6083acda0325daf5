using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Exports;
using WorkoutTracker.Server.Extensions;
using WorkoutTracker.Server.GraphQL;
using WorkoutTracker.Server.GraphQL.Http;
using WorkoutTracker.Server.Identity;
using WorkoutTracker.Server.Imports;
using WorkoutTracker.Server.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddWorkoutData();
builder.AddWorkoutIdentity();
builder.AddWorkoutSecurity();
builder.AddWorkoutFeatures();
builder.Services.AddWorkoutGraphQL(builder.Configuration);

var app = builder.Build();

app.UseTrustedProxies();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseGraphQLWebSockets();

app.MapDefaultEndpoints();
app.MapWorkoutIdentity();
app.MapWorkoutGraphQL();
app.MapImports();
app.MapExports();

await app.MigrateAndSeedDatabaseAsync();
if (await app.RunCommandAsync(args))
{
    return;
}

await app.RunAsync();

/// <summary>Entry point; partial so the tests' WebApplicationFactory can reach it.</summary>
public partial class Program;
