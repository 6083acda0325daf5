using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every WorkoutTracker host shares: OpenTelemetry (traces, metrics), health checks and
/// resilient HttpClients, readable JSON. Hosts add their own sources and checks on top.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());

        // JSON answers as the web writes them: '+' in "+00:00", '<' or an apostrophe are not escaped as
        // \u002B and the like. Safe because these answers are always served as JSON, never as HTML.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        return builder;
    }

    /// <summary>
    /// Traces and metrics from ASP.NET Core, HttpClient and the runtime, plus the host's own source
    /// (named after the application); hosts add more with ConfigureOpenTelemetryTracerProvider. Exporters by configuration: <c>OpenTelemetry:Console=true</c>
    /// writes to the console; <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> sends OTLP.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        var serviceName = builder.Environment.ApplicationName;
        var console = builder.Configuration.GetValue("OpenTelemetry:Console", false);

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(serviceName)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context =>
                        !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                    .AddHttpClientInstrumentation();
                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(serviceName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (console)
                {
                    metrics.AddConsoleExporter();
                }
            });

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary><c>/health/live</c> runs only the process check; <c>/health/ready</c> every check tagged ready.</summary>
    /// <remarks>
    /// With <c>ServiceDefaults:InstanceHeader=true</c> every response names the instance that served it
    /// (<c>X-Served-By: host/pid</c>): for scale-out runs and debugging behind a load balancer.
    /// </remarks>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        if (app.Configuration.GetValue("ServiceDefaults:InstanceHeader", false))
        {
            var instance = $"{Environment.MachineName}/{Environment.ProcessId}";
            app.Use((context, next) =>
            {
                context.Response.Headers["X-Served-By"] = instance;
                return next(context);
            });
        }

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) || check.Tags.Contains(LiveTag) });
        return app;
    }
}
