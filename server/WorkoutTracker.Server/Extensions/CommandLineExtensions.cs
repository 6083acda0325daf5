using WorkoutTracker.Server.BodyMap;

namespace WorkoutTracker.Server.Extensions;

public static class CommandLineExtensions
{
    /// <summary>
    /// Maintenance commands run instead of the server: <c>rebuild-body-maps [athleteId]</c> recomputes
    /// body maps from the set history. Returns true when a command ran.
    /// </summary>
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        if (args is not ["rebuild-body-maps", .. var rest])
        {
            return false;
        }

        Guid? athleteId = rest is [var id, ..] ? Guid.Parse(id) : null;
        var rows = await app.Services.GetRequiredService<BodyMapRebuild>().RebuildAsync(athleteId, CancellationToken.None);
        await Console.Out.WriteLineAsync($"Rebuilt body maps for {(athleteId?.ToString() ?? "every athlete")}: {rows} muscle-week row(s).");
        return true;
    }
}
