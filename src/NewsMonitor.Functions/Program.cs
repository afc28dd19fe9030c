using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsMonitor;
using NewsMonitor.Functions;
using NewsMonitor.Web;
using NewsMonitor.Web.Security;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(JsonDefaults.Options));
builder.Services.AddNewsMonitor(builder.Configuration);
builder.Services.AddWorkerTelemetry(builder.Configuration);

// App Service sets WEBSITE_AUTH_ENABLED when its authentication fronts the app, and only then is the name header its own.
builder.Services.AddNewsMonitorWeb(new ReviewerIdentity(TrustPlatformHeader: string.Equals(builder.Configuration["WEBSITE_AUTH_ENABLED"], "true", StringComparison.OrdinalIgnoreCase)));
builder.Build().Run();
