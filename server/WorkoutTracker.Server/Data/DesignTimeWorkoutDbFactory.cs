using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace WorkoutTracker.Server.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the server or a database.</summary>
internal sealed class DesignTimeWorkoutDbFactory : IDesignTimeDbContextFactory<WorkoutDb>
{
    public WorkoutDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WorkoutDb>()
            .UseNpgsql("Host=localhost;Database=workouttracker_design", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .Options);
}
