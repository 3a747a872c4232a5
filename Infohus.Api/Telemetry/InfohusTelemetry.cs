using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Infohus.Api.Telemetry;

/// <summary>Section <c>Infohus:Telemetry</c> (README, "Operations: telemetry").</summary>
public sealed class TelemetrySettings
{
    public const string Section = "Infohus:Telemetry";

    /// <summary>Off: no traces, no metrics, no /metrics (the benchmark's baseline). The lag check stays.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Base URL of an OTLP/HTTP collector (http://collector:4318); OTEL_EXPORTER_OTLP_ENDPOINT works as well.</summary>
    public string? Otlp { get; set; }

    /// <summary>Record traces without an OTLP collector (an exporter is added in code: the specs, the benchmark).</summary>
    public bool Traces { get; set; }

    /// <summary>When set, /metrics answers only on this port (the management port the scraper reaches), not on the API's.</summary>
    public int? MetricsPort { get; set; }

    /// <summary>Events an async projection may be behind before /health/ready says Degraded.</summary>
    public long MaxProjectionLag { get; set; } = 10_000;

    /// <summary>How often the lag gauge is measured.</summary>
    public TimeSpan LagInterval { get; set; } = TimeSpan.FromSeconds(15);
}

public static class InfohusTelemetry
{
    /// <summary>The span sources and meters Marten and Wolverine emit on their own (ASP.NET Core's and Npgsql's are added by their instrumentation).</summary>
    private static readonly string[] Critters = ["Marten", "Wolverine"];

    /// <summary>
    /// Traces (to OTLP when configured) and metrics (to OTLP and the Prometheus scrape), our metrics,
    /// and the projection lag with its readiness check. Nothing personal is recorded: no query string,
    /// no request or response body, no exception text.
    /// </summary>
    public static IServiceCollection AddInfohusTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(TelemetrySettings.Section).Get<TelemetrySettings>() ?? new TelemetrySettings();
        services.Configure<TelemetrySettings>(configuration.GetSection(TelemetrySettings.Section));
        services.AddSingleton<ProjectionLag>();
        services.AddSingleton<InfohusMetrics>();
        services.AddHealthChecks().AddCheck<ProjectionLagHealthCheck>("projection-lag", HealthStatus.Degraded, ["ready"]);
        if (!settings.Enabled) return services;
        services.AddHostedService<ProjectionLagWatch>();

        var otlp = settings.Otlp ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        services.ConfigureMarten(opts =>
        {
            opts.OpenTelemetry.TrackConnections = JasperFx.OpenTelemetry.TrackLevel.Normal;
            opts.OpenTelemetry.TrackEventCounters();
        });
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "infohus-api"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter([.. Critters, InfohusMetrics.MeterName])
                .AddPrometheusExporter());
        if (otlp is not null || settings.Traces)
        {
            ExceptionEvents.WithholdMessages();
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(http =>
                {
                    // Probes and scrapes are noise; everything else is traced.
                    http.Filter = context => !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/metrics");
                    http.RecordException = false;
                    // A query string may carry what a member typed: never recorded, not even redacted;
                    // nor the user agent, which tells one member's device from another's.
                    http.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null).SetTag("user_agent.original", null);
                })
                .AddNpgsql()
                .AddSource(Critters));
        }
        if (settings.Otlp is not null) telemetry.UseOtlpExporter(OtlpExportProtocol.HttpProtobuf, new Uri(settings.Otlp));
        else if (otlp is not null) telemetry.UseOtlpExporter();
        return services;
    }

    /// <summary>Degraded (the register lags) is still ready: the node writes and reads cases; only Unhealthy takes it out.</summary>
    public static readonly Dictionary<HealthStatus, int> ReadyStatusCodes = new()
    {
        [HealthStatus.Healthy] = StatusCodes.Status200OK,
        [HealthStatus.Degraded] = StatusCodes.Status200OK,
        [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable
    };

    /// <summary>The Prometheus scrape at /metrics: anonymous, and only on the management port when one is configured.</summary>
    public static WebApplication MapInfohusTelemetry(this WebApplication app)
    {
        var settings = app.Configuration.GetSection(TelemetrySettings.Section).Get<TelemetrySettings>() ?? new TelemetrySettings();
        if (!settings.Enabled) return app;
        var scrape = app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        if (settings.MetricsPort is { } port) scrape.RequireHost($"*:{port}");
        return app;
    }
}
