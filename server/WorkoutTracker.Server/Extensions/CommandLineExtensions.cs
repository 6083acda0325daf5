using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Extensions;

public static class CommandLineExtensions
{
    /// <summary>
    /// Maintenance commands run instead of the server: <c>rebuild-body-maps [athleteId]</c> recomputes
    /// body maps from the set history; <c>rebuild-records [athleteId]</c> recomputes every set's stored e1RM
    /// (records and trends read it). Returns true when a command ran.
    /// </summary>
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        switch (args)
        {
            case ["rebuild-body-maps", .. var rest]:
            {
                Guid? athleteId = rest is [var id, ..] ? Guid.Parse(id) : null;
                var rows = await app.Services.GetRequiredService<BodyMapRebuild>().RebuildAsync(athleteId, CancellationToken.None);
                await Console.Out.WriteLineAsync($"Rebuilt body maps for {(athleteId?.ToString() ?? "every athlete")}: {rows} muscle-week row(s).");
                return true;
            }

            case ["rebuild-records", .. var rest]:
            {
                Guid? athleteId = rest is [var id, ..] ? Guid.Parse(id) : null;
                var sets = await app.Services.GetRequiredService<RecordsRebuild>().RebuildAsync(athleteId, CancellationToken.None);
                await Console.Out.WriteLineAsync($"Rebuilt records for {(athleteId?.ToString() ?? "every athlete")}: {sets} set(s) had a stale e1RM.");
                return true;
            }

            default:
                return false;
        }
    }
}
