using HyperCrm.Framework.Diagnostics;
using HyperCrm.Framework.Hosting;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HyperCrm.Web.Hosting;

/// <summary>
/// OpenTelemetry for the host: traces and metrics of ASP.NET Core, HttpClient, Npgsql, the runtime and the app's own
/// <see cref="HyperTelemetry"/>; metrics scraped by Prometheus at /metrics, and both exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads the standard OTEL_* variables itself).
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddHyperTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        // Telemetry:Enabled=false leaves it out (the benchmark measures its cost that way); /metrics then answers 404.
        if (!configuration.GetValue("Telemetry:Enabled", true)) return services;
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] ?? "hypercrm",
                serviceInstanceId: InstanceIdentity.Current.Id))
            .WithTracing(t =>
            {
                t.AddSource(HyperTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                if (otlp) t.AddOtlpExporter();
            })
            .WithMetrics(m =>
            {
                m.AddMeter(HyperTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddPrometheusExporter();
                if (otlp) m.AddOtlpExporter();
            });
        return services;
    }

    /// <summary>Health probes and scrapes come every few seconds and say nothing about users' work: they are not traced.</summary>
    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");
}
