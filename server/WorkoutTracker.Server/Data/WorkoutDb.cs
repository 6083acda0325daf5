using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Coaching;
using WorkoutTracker.Server.Common.Idempotency;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Identity;
using WorkoutTracker.Server.Imports;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Sessions;

namespace WorkoutTracker.Server.Data;

/// <summary>
/// The one database of WorkoutTracker (PostgreSQL, snake_case names). Each entity is configured by its
/// own <see cref="IEntityTypeConfiguration{TEntity}"/> in its feature folder.
/// </summary>
/// <remarks>
/// Add a migration with:
/// <code>dotnet ef migrations add &lt;Name&gt; --project server/WorkoutTracker.Server --output-dir Data/Migrations</code>
/// Migrations are applied when the server starts (<see cref="DatabaseStartupExtensions"/>).
/// </remarks>
public sealed class WorkoutDb(DbContextOptions<WorkoutDb> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<Exercise> Exercises => Set<Exercise>();

    public DbSet<AthleteProfile> AthleteProfiles => Set<AthleteProfile>();

    public DbSet<StoredProgress> ExerciseProgress => Set<StoredProgress>();

    public DbSet<TrainingSession> Sessions => Set<TrainingSession>();

    public DbSet<WorkoutSet> Sets => Set<WorkoutSet>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<CoachLink> CoachLinks => Set<CoachLink>();

    public DbSet<StoredRefreshToken> RefreshTokens => Set<StoredRefreshToken>();

    public DbSet<BodyMapWeek> BodyMapWeeks => Set<BodyMapWeek>();

    public DbSet<BodyMapMuscle> BodyMapMuscles => Set<BodyMapMuscle>();

    public DbSet<HistoryImport> HistoryImports => Set<HistoryImport>();

    public DbSet<Notes.ExerciseNote> ExerciseNotes => Set<Notes.ExerciseNote>();

    public DbSet<SessionExercise> SessionExercises => Set<SessionExercise>();

    public DbSet<Plans.PlanWeekEdits> PlanEdits => Set<Plans.PlanWeekEdits>();

    public DbSet<Coaching.Proposals.PlanProposal> PlanProposals => Set<Coaching.Proposals.PlanProposal>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkoutDb).Assembly);
}
