namespace WorkoutTracker.Server.Common.EventLog;

public static class EventLogExtensions
{
    /// <summary>The event log: its wake-up sender, its reader (one per instance), the subscriptions' feed and pruning.</summary>
    public static IHostApplicationBuilder AddEventLog(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EventLogOptions>().Bind(builder.Configuration.GetSection(EventLogOptions.SectionName))
            .Validate(
                o => o.Retention > TimeSpan.Zero && o.PruneInterval > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero && o.WakeUpInterval >= TimeSpan.Zero,
                "EventLog durations must be positive.")
            .Validate(o => o.MaxReplayEvents > 0 && o.MaxBufferedEvents > 0 && o.MaxCachedAthletes > 0, "EventLog limits must be positive.")
            .ValidateOnStart();
        services.AddSingleton<EventLogWakeUp>();
        services.AddHostedService(sp => sp.GetRequiredService<EventLogWakeUp>());
        services.AddSingleton<EventLogReader>();
        services.AddHostedService(sp => sp.GetRequiredService<EventLogReader>());
        services.AddSingleton<LiveEventFeed>();
        services.AddSingleton<AthleteVersionCache>();
        services.AddSingleton<EventLogPruning>();
        services.AddHostedService(sp => sp.GetRequiredService<EventLogPruning>());
        return builder;
    }
}
