using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NewsMonitor.Cli.LocalHost;

/// <summary>
/// The pipeline's traces and metrics sent to an OTLP collector (Aspire dashboard, Jaeger, Grafana Alloy…) when the
/// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names one; the exporter reads the other <c>OTEL_*</c> variables itself.
/// </summary>
internal static class LocalTelemetry
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddOtlpWhenConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        if (!string.IsNullOrEmpty(configuration[EndpointSetting]))
        {
            services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService("monitor"))
                .WithTracing(tracing => tracing.AddSource(PipelineMetrics.Name, PipelineMetrics.HttpClientSource).AddOtlpExporter())
                .WithMetrics(metrics => metrics.AddMeter(PipelineMetrics.Name, PipelineMetrics.HttpClientSource).AddOtlpExporter());
        }

        return services;
    }

    /// <summary>Starts the exporters a host would start: the CLI's services are a bare provider, and disposing it flushes them.</summary>
    public static ServiceProvider StartOtlp(this ServiceProvider services)
    {
        _ = services.GetService<TracerProvider>();
        _ = services.GetService<MeterProvider>();
        return services;
    }
}
