using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Coaching;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.Common.Idempotency;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.GraphQL.Caching;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Sessions;

namespace WorkoutTracker.Server.Extensions;

public static class FeatureServiceExtensions
{
    /// <summary>The domain services of every feature, and their background work.</summary>
    public static IHostApplicationBuilder AddWorkoutFeatures(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IdempotencyOptions>().Bind(builder.Configuration.GetSection(IdempotencyOptions.SectionName))
            .Validate(o => o.Retention > TimeSpan.Zero && o.PruneInterval > TimeSpan.Zero, "Idempotency durations must be positive.")
            .ValidateOnStart();
        builder.AddEventLog();
        services.AddSingleton<IdempotentMutations>();
        services.AddHostedService<IdempotencyPruning>();

        services.AddSingleton<ExerciseSearch>();
        services.AddSingleton<ExerciseCatalogCache>();

        services.AddSingleton<ProfileService>();
        services.AddSingleton<WeeklyPlanService>();
        services.AddSingleton<SessionProgression>();
        services.AddSingleton<TrainingHistory>();
        services.AddSingleton<RecordsRebuild>();
        services.AddSingleton<IRootFieldVersion, WeeklyPlanVersion>();

        services.AddSingleton<AthleteAccess>();
        services.AddSingleton<CoachLinkCommands>();
        services.AddSingleton<IRootFieldVersion, AthletesVersion>();

        services.AddSingleton<BodyMapReads>();
        services.AddSingleton<BodyMapRebuild>();
        services.AddSingleton<IRootFieldVersion, BodyMapVersion>();

        services.AddSingleton<SessionCommands>();
        services.AddSingleton<SessionReads>();
        services.AddMemoryCache();
        services.AddSingleton<SessionEventDetails>();

        builder.AddWorkoutCoach();
        return builder;
    }
}
