using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Npgsql;
using OpenTelemetry.Trace;

namespace WorkoutTracker.Bff.Data;

public static class DataExtensions
{
    public const string ConnectionStringName = "Workouts";

    /// <summary>The BFF's tables in the server's PostgreSQL database (<c>ConnectionStrings:Workouts</c>).</summary>
    public static IHostApplicationBuilder AddBffData(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set: the BFF keeps sessions and Data Protection keys in the server's database " +
                $"(schema {BffDb.Schema}). ./run.sh sets it; otherwise set ConnectionStrings__{ConnectionStringName}.");
        }

        builder.Services.AddSingleton(sp => new NpgsqlDataSourceBuilder(connectionString) { Name = "bff" }
            .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>())
            .Build());
        builder.Services.AddDbContextFactory<BffDb>((sp, options) => options.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddSingleton<IDistributedCache, PostgresDistributedCache>();
        builder.Services.AddHealthChecks().AddNpgSql(name: "postgresql", tags: [ServiceDefaultsExtensions.ReadyTag]);
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddNpgsql());
        return builder;
    }
}
