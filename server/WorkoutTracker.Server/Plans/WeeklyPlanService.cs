using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Plans;

/// <summary>An athlete's week (generated, then their edits applied), with whose it is and its edits' version (0: never edited).</summary>
public sealed record WeeklyPlanView(Guid AthleteId, WeeklyPlan Plan, int EditsVersion = 0, int EditCount = 0);

/// <summary>
/// Generates an athlete's plan for a week from their stored profile and progression: deterministic, so
/// the plan itself is not stored and the same versions always give the same plan. The week's edits
/// (<see cref="PlanEdits"/>, stored per athlete and week) are applied on top.
/// </summary>
public sealed class WeeklyPlanService(IDbContextFactory<WorkoutDb> dbFactory, ProfileService profiles, ExerciseCatalogCache catalog, ExerciseLookup lookup)
{
    public async Task<WeeklyPlanView> GetAsync(Guid athleteId, DateOnly weekStart, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var edits = await db.PlanEdits.AsNoTracking().SingleOrDefaultAsync(e => e.AthleteId == athleteId && e.WeekStart == weekStart, cancellationToken);
        return await GetAsync(athleteId, weekStart, edits, cancellationToken);
    }

    /// <summary>The week with the given edits (as stored, or about to be) applied.</summary>
    public async Task<WeeklyPlanView> GetAsync(Guid athleteId, DateOnly weekStart, PlanWeekEdits? stored, CancellationToken cancellationToken)
    {
        var (generated, training, progress) = await GenerateAsync(athleteId, weekStart, cancellationToken);
        var edits = stored is null ? [] : PlanEdits.Deserialize(stored.Edits);
        var plan = edits.Count == 0 ? generated : PlanEdits.Apply(generated, edits, await ExercisesNamedAsync(athleteId, edits, cancellationToken), PlanEditPlanner.For(training, generated, progress));
        return new WeeklyPlanView(athleteId, plan, stored?.Version ?? 0, edits.Count);
    }

    /// <summary>The generated week (no edits), with the profile and progress it was made from.</summary>
    public async Task<(WeeklyPlan Plan, TrainingProfile Profile, IReadOnlyDictionary<string, ExerciseProgress> Progress)> GenerateAsync(
        Guid athleteId, DateOnly weekStart, CancellationToken cancellationToken)
    {
        var training = (await profiles.GetAsync(athleteId, cancellationToken)).ToTrainingProfile();
        var progress = await LoadProgressAsync(athleteId, cancellationToken);
        return (PlanGenerator.Generate(training, await catalog.AllAsync(), progress, weekStart), training, progress);
    }

    /// <summary>The exercises the edits name that the athlete may use (the catalog's and their own).</summary>
    public async Task<IReadOnlyDictionary<string, Exercise>> ExercisesNamedAsync(Guid athleteId, IReadOnlyList<PlanEdit> edits, CancellationToken cancellationToken)
    {
        var ids = edits.SelectMany(e => new[] { e.ExerciseId, e.WithExerciseId }.Concat(e.ExerciseIds ?? [])).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, Exercise>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (await lookup.FindUsableAsync(athleteId, id, cancellationToken) is { } exercise)
            {
                found[id] = exercise;
            }
        }

        return found;
    }

    public async Task<IReadOnlyDictionary<string, ExerciseProgress>> LoadProgressAsync(Guid athleteId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.ExerciseProgress.AsNoTracking().Where(p => p.AthleteId == athleteId).ToListAsync(cancellationToken);
        return stored.ToDictionary(p => p.ExerciseId, p => p.ToProgress(), StringComparer.Ordinal);
    }

    /// <summary>
    /// What the plan of a week is made from, read in one statement without generating it: the profile's
    /// plan and progression versions and its last change, and the version of the week's edits. The weekly
    /// plan's ETag is built from it.
    /// </summary>
    public async Task<string> VersionAsync(Guid athleteId, DateOnly weekStart, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await VersionAsync(db, athleteId, weekStart, cancellationToken);
    }

    /// <summary>
    /// <see cref="VersionAsync(Guid, DateOnly, CancellationToken)"/> read in <paramref name="db"/> (inside its transaction, e.g. under the
    /// week's row lock). Edits at version 0 (a row just inserted, not yet edited) count as no edits.
    /// </summary>
    public static async Task<string> VersionAsync(WorkoutDb db, Guid athleteId, DateOnly weekStart, CancellationToken cancellationToken)
    {
        var stamp = (await db.Database.SqlQuery<PlanStamp>($$"""
            SELECT p.plan_version, p.progression_version, p.updated_at, e.version AS edits_version
            FROM (SELECT 1) AS one
            LEFT JOIN athlete_profiles p ON p.user_id = {{athleteId}}
            LEFT JOIN plan_edits e ON e.athlete_id = {{athleteId}} AND e.week_start = {{weekStart}}
            """).ToListAsync(cancellationToken)).Single();
        var profile = stamp.PlanVersion is null
            ? "default"
            : string.Create(CultureInfo.InvariantCulture, $"{stamp.PlanVersion}.{stamp.ProgressionVersion}.{stamp.UpdatedAt!.Value.UtcTicks}");
        return stamp.EditsVersion is { } edits and > 0 ? string.Create(CultureInfo.InvariantCulture, $"{profile}.e{edits}") : profile;
    }

    private sealed class PlanStamp
    {
        public int? PlanVersion { get; init; }

        public int? ProgressionVersion { get; init; }

        public DateTimeOffset? UpdatedAt { get; init; }

        public int? EditsVersion { get; init; }
    }
}
