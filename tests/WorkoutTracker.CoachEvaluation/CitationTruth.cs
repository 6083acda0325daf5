using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Coaching.Agent;
using WorkoutTracker.Server.Coaching.Agent.Plugins;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.CoachEvaluation;

/// <summary>
/// Looks a cited number up where it comes from — the database through the domain services, for the
/// athlete the answer was about — so a test or the evaluation can tell whether a citation tells the truth.
/// </summary>
public static class CitationTruth
{
    /// <summary>The value a citation should have for <paramref name="athleteId"/>, or null when there is no such record of theirs.</summary>
    public static async Task<decimal?> TruthAsync(IServiceProvider services, Guid athleteId, string kind, string reference)
    {
        var parts = reference.Split(':');
        var field = parts[^1];
        switch (kind)
        {
            case "SET":
            {
                await using var db = await services.GetRequiredService<IDbContextFactory<WorkoutDb>>().CreateDbContextAsync();
                var set = await db.Sets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Guid.Parse(parts[0]));
                return set is null || set.AthleteId != athleteId ? null : field switch
                {
                    "loadKg" => set.LoadKg,
                    "reps" => set.Reps,
                    "rpe" => set.Rpe,
                    _ => null,
                };
            }

            case "PERSONAL_RECORD":
            {
                var records = await services.GetRequiredService<TrainingHistory>().PersonalRecordsAsync(athleteId, parts[0], CancellationToken.None);
                var record = records.SingleOrDefault(r => PluginJson.Constant(r.Kind) == parts[1]);
                return record is null ? null : field switch
                {
                    "loadKg" => record.LoadKg,
                    "reps" => record.Reps,
                    "e1rmKg" => record.E1rmKg,
                    _ => null,
                };
            }

            case "E1RM":
            {
                var points = await services.GetRequiredService<TrainingHistory>().E1rmHistoryAsync(athleteId, parts[0], CancellationToken.None);
                var point = points.SingleOrDefault(p => p.Date == Date(parts[1]));
                return point is null ? null : field switch
                {
                    "e1rmKg" => point.E1rmKg,
                    "loadKg" => point.LoadKg,
                    "reps" => point.Reps,
                    _ => null,
                };
            }

            case "PLAN":
            {
                var plan = (await services.GetRequiredService<WeeklyPlanService>().GetAsync(athleteId, Date(parts[0]), CancellationToken.None)).Plan;
                var day = plan.Days.SingleOrDefault(d => $"day{d.DayNumber}" == parts[1]);
                var planned = day?.Exercises.FirstOrDefault(e => e.ExerciseId == parts[2]);
                return planned is null ? null : Targets(planned.TargetSets, field, plan.Unit);
            }

            case "PRESCRIPTION":
            case "PROGRESS":
            {
                // As the progression plugin reads it: the stored progress, or for an exercise never trained a
                // fresh start (prescriptions only: a fresh start has no stored state to cite).
                var plans = services.GetRequiredService<WeeklyPlanService>();
                var stored = await plans.LoadProgressAsync(athleteId, CancellationToken.None);
                var profile = (await services.GetRequiredService<ProfileService>().GetAsync(athleteId, CancellationToken.None)).ToTrainingProfile();
                var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
                var plan = (await plans.GetAsync(athleteId, today, CancellationToken.None)).Plan;
                var planned = plan.Days.SelectMany(d => d.Exercises).FirstOrDefault(e => e.ExerciseId == parts[0]);
                var exercise = (await services.GetRequiredService<ExerciseCatalogCache>().AllAsync()).SingleOrDefault(e => e.Id == parts[0]);
                if (exercise is null || (!stored.TryGetValue(parts[0], out var progress) && kind == "PROGRESS"))
                {
                    return null;
                }

                var role = planned?.Role ?? (exercise.IsCompound ? ExerciseRole.Secondary : ExerciseRole.Accessory);
                progress ??= ExerciseProgress.Start(exercise, DefaultSchemes.For(profile.Goal, profile.Experience, exercise, role), profile.Experience, profile.Units, profile.LoadingSetup);
                var current = ProgressionEngine.ConvertTo(progress, profile.Units, profile.LoadingSetup);
                var unit = profile.Units.ToString();
                if (kind == "PROGRESS")
                {
                    return field switch
                    {
                        _ when field == "load" + unit => current.Load,
                        _ when field == "lastE1rm" + unit => current.LastE1rm,
                        "targetReps" => current.TargetReps,
                        "consecutiveSuccesses" => current.ConsecutiveSuccesses,
                        "consecutiveFailures" => current.ConsecutiveFailures,
                        _ => null,
                    };
                }

                var sets = planned?.TargetSets.Count ?? PlanVolume.SetsFor(role, profile.Experience);
                return Targets(ProgressionEngine.Prescribe(current, sets, setup: profile.LoadingSetup), field, profile.Units);
            }

            case "BODY_MAP":
            {
                var week = Date(parts[0]);
                var map = (await services.GetRequiredService<BodyMapReads>().LoadAsync([(athleteId, week)], CancellationToken.None))[(athleteId, week)];
                var muscle = map.Muscles.SingleOrDefault(m => PluginJson.Constant(m.Muscle) == parts[1]);
                return muscle is null ? null : field switch
                {
                    "hardSets" => muscle.HardSets,
                    "totalReps" => muscle.TotalReps,
                    "volumeLoadKg" => muscle.VolumeLoadKg,
                    _ => null,
                };
            }

            case "TARGET":
            {
                var profile = (await services.GetRequiredService<ProfileService>().GetAsync(athleteId, CancellationToken.None)).ToTrainingProfile();
                var target = WeeklyVolumeTarget.For(profile.Goal, profile.Experience);
                return target.Citations.SingleOrDefault(c => c.Ref == reference)?.Value;
            }

            default:
                return null;
        }
    }

    private static decimal? Targets(IReadOnlyList<TargetSet> targets, string field, WeightUnit unit) => field switch
    {
        "sets" => targets.Count,
        "repsMin" => targets[0].RepsMin,
        "repsMax" => targets[0].RepsMax,
        "rpe" => targets[0].Rpe,
        _ when field == "load" + unit => targets[0].Load,
        _ => null,
    };

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
