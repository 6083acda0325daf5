using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Exercises;

namespace WorkoutTracker.Server.BodyMap;

/// <summary>An athlete's week on the body map: every muscle group, untrained ones at zero.</summary>
public sealed record BodyMapView(Guid AthleteId, DateOnly WeekStart, int Version, IReadOnlyList<MuscleVolume> Muscles);

public sealed record MuscleVolume(MuscleGroup Muscle, decimal HardSets, decimal TotalReps, decimal VolumeLoadKg);

/// <summary>Reads body maps for many (athlete, week) keys in two statements, whatever their number.</summary>
public sealed class BodyMapReads(IDbContextFactory<WorkoutDb> dbFactory)
{
    public async Task<IReadOnlyDictionary<(Guid AthleteId, DateOnly WeekStart), BodyMapView>> LoadAsync(
        IReadOnlyCollection<(Guid AthleteId, DateOnly WeekStart)> keys, CancellationToken cancellationToken)
    {
        var athletes = keys.Select(k => k.AthleteId).Distinct().ToList();
        var weeks = keys.Select(k => k.WeekStart).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var versions = await db.BodyMapWeeks.AsNoTracking()
            .Where(w => athletes.Contains(w.AthleteId) && weeks.Contains(w.WeekStart))
            .ToDictionaryAsync(w => (w.AthleteId, w.WeekStart), w => w.Version, cancellationToken);
        var muscles = (await db.BodyMapMuscles.AsNoTracking()
                .Where(m => athletes.Contains(m.AthleteId) && weeks.Contains(m.WeekStart))
                .ToListAsync(cancellationToken))
            .ToLookup(m => (m.AthleteId, m.WeekStart));

        return keys.Distinct().ToDictionary(key => key, key =>
        {
            var trained = muscles[key].ToDictionary(m => m.Muscle);
            var all = Enum.GetValues<MuscleGroup>()
                .Select(m => trained.TryGetValue(m, out var row)
                    ? new MuscleVolume(m, row.HardSets, row.TotalReps, row.VolumeLoadKg)
                    : new MuscleVolume(m, 0, 0, 0))
                .ToList();
            return new BodyMapView(key.AthleteId, key.WeekStart, versions.GetValueOrDefault(key), all);
        });
    }

    /// <summary>The week's version alone (0 when nothing was ever logged in it): what a body-map ETag is made of.</summary>
    public async Task<int> VersionAsync(Guid athleteId, DateOnly weekStart, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.BodyMapWeeks.AsNoTracking()
            .Where(w => w.AthleteId == athleteId && w.WeekStart == weekStart)
            .Select(w => w.Version)
            .SingleOrDefaultAsync(cancellationToken);
    }
}
