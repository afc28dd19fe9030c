using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NewsMonitor.Functions;

/// <summary>
/// The worker's own telemetry, as OpenTelemetry: its traces (each invocation, the stages' spans, every outbound feed and
/// page request as a dependency) and the pipeline's metrics, exported to Application Insights — with the host's, since
/// host.json sets <c>telemetryMode</c> to <c>OpenTelemetry</c>. The workspace's Application Insights resource takes
/// Entra ID only (local authentication is off), so the exporter signs in as the app's managed identity.
/// </summary>
internal static class Telemetry
{
    public static void AddWorkerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(PipelineMetrics.Name, PipelineMetrics.HttpClientSource))
            .WithMetrics(metrics => metrics.AddMeter(PipelineMetrics.Name, PipelineMetrics.HttpClientSource));

        // Without a connection string (func start on a laptop) there is nowhere to send it; the host logs as usual.
        if (!string.IsNullOrEmpty(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            builder.UseAzureMonitorExporter(options => options.Credential = new DefaultAzureCredential());
        }
    }
}
