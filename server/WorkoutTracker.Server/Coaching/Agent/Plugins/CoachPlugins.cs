using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Coaching.Agent.Plugins;

/// <summary>The tools of one question, bound to its scope and ledger. The model and the offline coach use the same instances.</summary>
public sealed record CoachPlugins(
    PlanPlugin Plan,
    HistoryPlugin History,
    ProgressionPlugin Progression,
    BodyMapPlugin BodyMap,
    ExerciseCatalogPlugin Catalog);

/// <summary>Creates a question's plugins over the domain services.</summary>
public sealed class CoachPluginFactory(
    WeeklyPlanService plans,
    TrainingHistory history,
    BodyMapReads bodyMaps,
    ExerciseSearch search,
    ExerciseCatalogCache catalog,
    ExerciseLookup exercises,
    IDbContextFactory<WorkoutDb> dbFactory)
{
    public CoachPlugins Create(CoachScope scope, CoachLedger ledger) => new(
        new PlanPlugin(scope, ledger, plans, exercises),
        new HistoryPlugin(scope, ledger, dbFactory, history, exercises),
        new ProgressionPlugin(scope, ledger, plans, exercises),
        new BodyMapPlugin(scope, ledger, bodyMaps),
        new ExerciseCatalogPlugin(scope, ledger, search, catalog, exercises));
}
