var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGet("/", () => Results.Text("WorkoutTracker BFF: sign-in, session cookie and the /graphql proxy arrive with issue 6."));

await app.RunAsync();

/// <summary>Entry point; partial so tests can host it.</summary>
public partial class Program;
