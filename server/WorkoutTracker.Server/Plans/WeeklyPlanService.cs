using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Plans;

/// <summary>An athlete's generated week, with whose it is.</summary>
public sealed record WeeklyPlanView(Guid AthleteId, WeeklyPlan Plan);

/// <summary>
/// Generates an athlete's plan for a week from their stored profile and progression: deterministic, so
/// nothing is stored and the same versions always give the same plan.
/// </summary>
public sealed class WeeklyPlanService(IDbContextFactory<WorkoutDb> dbFactory, ProfileService profiles, ExerciseCatalogCache catalog)
{
    public async Task<WeeklyPlanView> GetAsync(Guid athleteId, DateOnly weekStart, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(athleteId, cancellationToken);
        var progress = await LoadProgressAsync(athleteId, cancellationToken);
        var plan = PlanGenerator.Generate(profile.ToTrainingProfile(), await catalog.AllAsync(), progress, weekStart);
        return new WeeklyPlanView(athleteId, plan);
    }

    public async Task<IReadOnlyDictionary<string, ExerciseProgress>> LoadProgressAsync(Guid athleteId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.ExerciseProgress.AsNoTracking().Where(p => p.AthleteId == athleteId).ToListAsync(cancellationToken);
        return stored.ToDictionary(p => p.ExerciseId, p => p.ToProgress(), StringComparer.Ordinal);
    }

    /// <summary>
    /// What the plan of a week is made from, read in one statement without generating it: the profile's
    /// plan and progression versions and its last change. The weekly plan's ETag is built from it.
    /// </summary>
    public async Task<string> VersionAsync(Guid athleteId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stamp = await db.AthleteProfiles.AsNoTracking()
            .Where(p => p.UserId == athleteId)
            .Select(p => new { p.PlanVersion, p.ProgressionVersion, p.UpdatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        return stamp is null
            ? "default"
            : string.Create(CultureInfo.InvariantCulture, $"{stamp.PlanVersion}.{stamp.ProgressionVersion}.{stamp.UpdatedAt.UtcTicks}");
    }
}
