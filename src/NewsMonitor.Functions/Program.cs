using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsMonitor;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(JsonDefaults.Options));
builder.Services.AddNewsMonitor(builder.Configuration);
builder.Build().Run();
