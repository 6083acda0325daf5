using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenTelemetry.Trace;

namespace WorkoutTracker.Server.Data;

public static class DataExtensions
{
    public const string ConnectionStringName = "Workouts";

    /// <summary>
    /// PostgreSQL through one <see cref="NpgsqlDataSource"/> and a pooled <see cref="WorkoutDb"/> factory:
    /// resolvers run in parallel, so each unit of work takes its own short-lived context.
    /// </summary>
    public static IHostApplicationBuilder AddWorkoutData(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set. ./run.sh starts a local PostgreSQL and sets it; " +
                $"otherwise set ConnectionStrings__{ConnectionStringName}.");
        }

        builder.Services.AddSingleton(sp => new NpgsqlDataSourceBuilder(connectionString) { Name = "workouts" }
            .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>())
            .Build());
        builder.Services.AddPooledDbContextFactory<WorkoutDb>((sp, options) => options.UseWorkoutDb(sp.GetRequiredService<NpgsqlDataSource>()));

        builder.Services.AddHealthChecks()
            .AddNpgSql(name: "postgresql", tags: [ServiceDefaultsExtensions.ReadyTag]);
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddNpgsql());
        return builder;
    }

    /// <summary>How every <see cref="WorkoutDb"/> talks to PostgreSQL: the shared data source, snake_case names, our history table.</summary>
    public static DbContextOptionsBuilder UseWorkoutDb(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
}
