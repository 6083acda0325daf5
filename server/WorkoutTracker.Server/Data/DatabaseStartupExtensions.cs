using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using WorkoutTracker.Server.Coaching;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.ServiceDefaults;

namespace WorkoutTracker.Server.Data;

/// <summary>Brings the database up to date when the server starts: waits for it (creating it when missing), migrations, then reference and demo data.</summary>
public static class DatabaseStartupExtensions
{
    /// <summary>Serializes seeding across server instances starting at once (pg_advisory_xact_lock key).</summary>
    private const long SeedLockKey = 0x5747_5345_4544; // "WTSEED"

    public static async Task MigrateAndSeedDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("WorkoutTracker.Database");
        // Demo users have published passwords: seeded in Development and Testing, elsewhere only when asked.
        var seedDemoData = app.Configuration.GetValue<bool?>("Database:SeedDemoData")
            ?? (app.Environment.IsDevelopment() || app.Environment.IsEnvironment("Testing"));

        // The database may not exist yet on a new cluster, and the BFF may be creating it right now.
        await app.WaitForDatabaseAsync(app.Configuration.GetConnectionString(DataExtensions.ConnectionStringName)!);
        await MigrateAsync(app);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<WorkoutDb>>().CreateDbContextAsync();

        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeedLockKey})");
        var changed = await SeedExerciseCatalogAsync(db);
        if (seedDemoData)
        {
            changed += await SeedDemoUsersAsync(db);
        }

        await transaction.CommitAsync();

        if (seedDemoData)
        {
            // After the catalog commits: the history goes through the services that read it (SessionProgression).
            await using var history = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeedLockKey})");
            changed += await DemoHistory.SeedAsync(
                db,
                app.Services.GetRequiredService<SessionProgression>(),
                await app.Services.GetRequiredService<ExerciseCatalogCache>().AllAsync(),
                app.Services.GetRequiredService<TimeProvider>().GetUtcNow(),
                CancellationToken.None);
            await history.CommitAsync();
        }

        DatabaseLog.Ready(logger, changed);
    }

    /// <summary>
    /// Applies the migrations. On a new database Npgsql's provider reads the history table before creating
    /// it and EF logs that expected failure as an error (npgsql/efcore.pg#3407), which a newcomer would take
    /// for a fault: the migration's own context logs failed commands at Debug. A real failure still throws.
    /// </summary>
    private static async Task MigrateAsync(WebApplication app)
    {
        var options = new DbContextOptionsBuilder<WorkoutDb>();
        options.UseWorkoutDb(app.Services.GetRequiredService<NpgsqlDataSource>())
            .UseLoggerFactory(app.Services.GetRequiredService<ILoggerFactory>())
            .ConfigureWarnings(warnings => warnings.Log((RelationalEventId.CommandError, LogLevel.Debug)));
        await using var db = new WorkoutDb(options.Options);
        await db.Database.MigrateAsync();
    }

    /// <summary>Inserts new catalog exercises and updates changed ones, keyed by their slug.</summary>
    private static async Task<int> SeedExerciseCatalogAsync(WorkoutDb db)
    {
        var existing = await db.Exercises.ToDictionaryAsync(e => e.Id, StringComparer.Ordinal);
        foreach (var exercise in ExerciseCatalog.All)
        {
            if (!existing.TryGetValue(exercise.Id, out var stored))
            {
                db.Exercises.Add(Copy(exercise));
                continue;
            }

            stored.Name = exercise.Name;
            stored.Pattern = exercise.Pattern;
            stored.Loading = exercise.Loading;
            stored.IsCompound = exercise.IsCompound;
            if (!stored.PrimaryMuscles.SequenceEqual(exercise.PrimaryMuscles))
            {
                stored.PrimaryMuscles = [.. exercise.PrimaryMuscles];
            }

            if (!stored.SecondaryMuscles.SequenceEqual(exercise.SecondaryMuscles))
            {
                stored.SecondaryMuscles = [.. exercise.SecondaryMuscles];
            }

            if (!stored.Equipment.SequenceEqual(exercise.Equipment))
            {
                stored.Equipment = [.. exercise.Equipment];
            }
        }

        return await db.SaveChangesAsync();
    }

    private static Exercise Copy(Exercise e) => new()
    {
        Id = e.Id,
        Name = e.Name,
        Pattern = e.Pattern,
        Loading = e.Loading,
        IsCompound = e.IsCompound,
        PrimaryMuscles = [.. e.PrimaryMuscles],
        SecondaryMuscles = [.. e.SecondaryMuscles],
        Equipment = [.. e.Equipment],
    };

    private static async Task<int> SeedDemoUsersAsync(WorkoutDb db)
    {
        var ids = DemoUsers.All.Select(u => u.Id).ToList();
        var existing = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => u.Id).ToListAsync();
        var hasher = new PasswordHasher<User>();
        foreach (var demo in DemoUsers.All.Where(u => !existing.Contains(u.Id)))
        {
            var user = new User { Id = demo.Id, DisplayName = demo.DisplayName, Role = demo.Role, Email = demo.Email };
            user.PasswordHash = hasher.HashPassword(user, demo.Password);
            db.Users.Add(user);
        }

        if (!await db.CoachLinks.AnyAsync(l => l.CoachId == DemoUsers.Coach.Id && l.AthleteId == DemoUsers.Athlete.Id))
        {
            db.CoachLinks.Add(new CoachLink
            {
                Id = Guid.CreateVersion7(),
                CoachId = DemoUsers.Coach.Id,
                AthleteId = DemoUsers.Athlete.Id,
                RequestedBy = DemoUsers.Athlete.Id,
                Status = CoachLinkStatus.Active,
                CreatedAt = DateTimeOffset.UtcNow,
                AcceptedAt = DateTimeOffset.UtcNow,
            });
        }

        return await db.SaveChangesAsync();
    }
}

internal static partial class DatabaseLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated and seeded ({Changed} seed row(s) written)")]
    public static partial void Ready(ILogger logger, int changed);
}
