using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Coaching;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.Common.Idempotency;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.GraphQL.Caching;
using WorkoutTracker.Server.Imports;
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
        services.AddSingleton<ExerciseLookup>();
        services.AddSingleton<CustomExerciseCommands>();

        services.AddSingleton<ProfileService>();
        services.AddSingleton<WeeklyPlanService>();
        services.AddSingleton<SessionProgression>();
        services.AddSingleton<TrainingHistory>();
        services.AddSingleton<RecordsRebuild>();
        services.AddSingleton<IRootFieldVersion, WeeklyPlanVersion>();
        services.AddSingleton<PlanEditCommands>();

        services.AddSingleton<AthleteAccess>();
        services.AddSingleton<CoachLinkCommands>();
        services.AddSingleton<Coaching.Proposals.PlanProposals>();
        services.AddSingleton<Coaching.Proposals.OfflineProposals>();
        services.AddSingleton<IRootFieldVersion, AthletesVersion>();

        services.AddSingleton<BodyMapReads>();
        services.AddSingleton<BodyMapRebuild>();
        services.AddSingleton<IRootFieldVersion, BodyMapVersion>();

        services.AddSingleton<SessionCommands>();
        services.AddSingleton<SessionReads>();
        services.AddSingleton<SessionLayoutCommands>();
        services.AddSingleton<Notes.NoteCommands>();
        services.AddSingleton<Notes.NoteReads>();
        services.AddSingleton<History.HistoryReads>();
        services.AddMemoryCache();
        services.AddSingleton<SessionEventDetails>();

        services.AddOptions<ImportOptions>().Bind(builder.Configuration.GetSection(ImportOptions.SectionName))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.Lease > TimeSpan.Zero && o.BatchSize > 0, "Import intervals and batch size must be positive.")
            .ValidateOnStart();
        services.AddSingleton<ImportSignal>();
        services.AddSingleton<HistoryImports>();
        services.AddSingleton<ImportRunner>();
        services.AddHostedService<ImportWorker>();

        builder.AddWorkoutCoach();
        return builder;
    }
}
