using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Queues;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsMonitor.Hosting;
using NewsMonitor.Storage;

namespace NewsMonitor.Cli.LocalHost;

/// <summary>
/// Builds the WebJobs SDK host that listens to the pipeline's queues: the Storage Queues extension the Functions host
/// loads, configured from host.json as the Functions host reads it (its keys under <c>AzureFunctionsJobHost</c>, app
/// settings such as <c>AzureFunctionsJobHost__extensions__queues__batchSize</c> overriding them), on the storage
/// account of <c>AzureWebJobsStorage</c>.
/// </summary>
internal static class ListenerHost
{
    /// <summary>The section the Functions host loads host.json into, and the SDK reads its extensions' options from.</summary>
    public const string JobHostSection = "AzureFunctionsJobHost";

    /// <summary>The setting that points the SDK at that section, as the Functions host sets it (the SDK's default is <c>AzureWebJobs</c>).</summary>
    private const string RootSectionSetting = "AzureWebJobsConfigurationSection";

    public static IHost Build(IConfiguration settings, StorageNames names, QueueFunctions functions, IQueueProcessorFactory processors, ILoggerFactory loggers, ListenerFailure? failure = null)
        => new HostBuilder()
            .ConfigureAppConfiguration(configuration => configuration
                .AddInMemoryCollection(new Dictionary<string, string?> { [RootSectionSetting] = JobHostSection })
                .AddInMemoryCollection(HostJson(Path.Combine(AppContext.BaseDirectory, "host.json")))
                .AddConfiguration(settings)
                .AddInMemoryCollection(PipelineStages.Queues.Select(stage => KeyValuePair.Create<string, string?>("LocalHost:Queue:" + stage.Queue, names.Queue(stage.Queue)))))
            .ConfigureWebJobs(webJobs => webJobs.AddAzureStorageQueues())
            .ConfigureLogging(logging => logging.ClearProviders().Services.AddSingleton(loggers))
            .ConfigureServices(services => services
                .AddSingleton<ITypeLocator>(new FunctionTypes(typeof(QueueFunctions)))
                .AddSingleton<IJobActivator>(new FunctionActivator(functions))
                .AddSingleton(processors)
                .AddSingleton<IWebJobsExceptionHandlerFactory>(failure ?? new ListenerFailure()))
            .Build();

    /// <summary>host.json's settings as configuration keys under <see cref="JobHostSection"/>, as the Functions host loads them.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> HostJson(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var file = new ConfigurationBuilder().AddJsonFile(path, optional: false).Build();
        return file.AsEnumerable().Where(setting => setting.Value is not null)
            .Select(setting => KeyValuePair.Create<string, string?>(JobHostSection + ConfigurationPath.KeyDelimiter + setting.Key, setting.Value))
            .ToList();
    }

    /// <summary>The SDK indexes only these types, not every loaded assembly.</summary>
    private sealed class FunctionTypes(params Type[] types) : ITypeLocator
    {
        public IReadOnlyList<Type> GetTypes() => types;
    }

    /// <summary>Hands the SDK the one functions instance, which carries this run's services and summary.</summary>
    private sealed class FunctionActivator(QueueFunctions functions) : IJobActivator
    {
        public T CreateInstance<T>() => (T)(object)functions;
    }
}
