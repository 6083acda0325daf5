using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WorkoutTracker.Server.Coaching.Agent;
using WorkoutTracker.Server.Coaching.Agent.Offline;
using WorkoutTracker.Server.Coaching.Agent.Plugins;
using WorkoutTracker.Server.Coaching.Copilot;

namespace WorkoutTracker.Server.Extensions;

public static class CoachServiceExtensions
{
    /// <summary>
    /// The coach (Semantic Kernel over the domain plugins, or the offline coach without a model) and the
    /// copilot, configured by the <c>Coach</c> section (validated on start).
    /// </summary>
    public static IHostApplicationBuilder AddWorkoutCoach(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CoachOptions>().Bind(builder.Configuration.GetSection(CoachOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CoachOptions>, CoachOptionsValidation>();

        services.AddSingleton<CoachModelClient>();
        services.AddSingleton<ModelCoach>();
        services.AddSingleton<OfflineCoach>();
        services.AddSingleton<CoachPluginFactory>();
        services.AddSingleton<CoachScopes>();
        services.AddSingleton<CoachService>();
        services.AddSingleton<CopilotService>();

        // Semantic Kernel's own spans (model calls, function invocations) join the request's trace.
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource("Microsoft.SemanticKernel*"));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(CoachTelemetry.MeterName));
        return builder;
    }

    private sealed class CoachOptionsValidation : IValidateOptions<CoachOptions>
    {
        public ValidateOptionsResult Validate(string? name, CoachOptions options)
        {
            if (options.MaxQuestionLength < 1 || options.MaxAnswerLength < 200)
            {
                return ValidateOptionsResult.Fail("Coach:MaxQuestionLength must be positive and Coach:MaxAnswerLength at least 200.");
            }

            return options.Model.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
        }
    }
}
