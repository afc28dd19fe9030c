using System.Net;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using NewsMonitor.Archive;
using NewsMonitor.Articles;
using NewsMonitor.Backfill;
using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Alerts;
using NewsMonitor.Delivery.Channels;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Delivery.Spikes;
using NewsMonitor.Delivery.Syndication;
using NewsMonitor.Http;
using NewsMonitor.Ingestion;
using NewsMonitor.Lifecycle;
using NewsMonitor.Queues;
using NewsMonitor.Reading;
using NewsMonitor.Reading.Search;
using NewsMonitor.Reading.Volume;
using NewsMonitor.Reviews;
using NewsMonitor.Storage;
using NewsMonitor.Telemetry;
using NewsMonitor.Watchlists;
using Polly;

namespace NewsMonitor;

/// <summary>All wiring of the Core stages, shared by the Functions app and the CLI.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddNewsMonitor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MonitorOptions>().Bind(configuration.GetSection(MonitorOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboundHttpOptions>().Bind(configuration.GetSection(OutboundHttpOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionWindows>();
        services.AddOptions<FeedKeyOptions>().Bind(configuration.GetSection(FeedKeyOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<PipelineMetrics>();
        // The factory the Functions host's storage extensions use, so both read AzureWebJobsStorage alike.
        services.AddAzureClientsCore();
        services.AddSingleton(sp => StorageConnection.FromConfiguration(configuration, sp.GetRequiredService<AzureComponentFactory>()));
        services.AddSingleton(sp => new MonitorStorage(sp.GetRequiredService<StorageConnection>(), new StorageNames(sp.GetRequiredService<IOptions<MonitorOptions>>().Value.StoragePrefix)));
        services.AddSingleton<FeedStateStore>();
        services.AddSingleton<SeenArticleStore>();
        services.AddSingleton<MatchStore>();
        services.AddSingleton<EntityTimeline>();
        services.AddSingleton<HourlyVolumeStore>();
        services.AddSingleton<SpikeStore>();
        services.AddSingleton<SpikeWatcher>();
        services.AddSingleton<SpikeDeliverer>();
        services.AddSingleton<SpikeListing>();
        services.AddSingleton<DigestStore>();
        services.AddSingleton<ReviewStore>();
        services.AddSingleton<SingletonLock>();
        services.AddSingleton<PoisonQueues>();
        services.AddSingleton<ArticleArchive>();
        services.AddSingleton<ArchiveCompactor>();
        services.AddSingleton<ArchiveScanner>();
        services.AddSingleton<ArchiveExpiry>();
        services.AddSingleton<ExpiredData>();
        services.AddSingleton<DataRetention>();
        services.AddSingleton<ArchiveSearch>();
        services.AddSingleton<Backtest>();
        services.AddSingleton<BackfillStore>();
        services.AddSingleton<BackfillPlanner>();
        services.AddSingleton<BlockBackfiller>();
        services.AddSingleton<BackfillRunner>();
        services.AddSingleton<BackfillStatus>();

        services.AddSingleton<HostPoliteness>();
        services.AddTransient<HostPolitenessHandler>();
        AddOutboundClient(services, HttpClientNames.Feeds, "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5");
        AddOutboundClient(services, HttpClientNames.Pages, "text/html, application/xhtml+xml;q=0.9, */*;q=0.5");
        AddOutboundClient(services, HttpClientNames.Webhooks, "application/json");
        services.AddSingleton<HttpFetcher>();
        services.AddSingleton<EmailSender>();
        services.AddSingleton(WebhookSecrets.FromConfiguration(configuration));
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<DeliveryLedger>();

        services.AddSingleton<MonitorConfiguration>();
        services.AddSingleton<PageTextExtractor>();
        services.AddSingleton<ArticleSource>();
        services.AddSingleton<FeedScheduler>();
        services.AddSingleton<FeedPoller>();
        services.AddSingleton<MessageDeferral>();
        services.AddSingleton<ArticleProcessor>();
        services.AddSingleton<ArticleAccounting>();
        services.AddSingleton<DigestRunner>();
        services.AddSingleton<AlertDeliverer>();
        services.AddSingleton<MatchFinder>();
        services.AddSingleton<EntityStatistics>();
        services.AddSingleton<EntityViewReader>();
        services.AddSingleton<VolumeReader>();
        services.AddSingleton<EntityPurge>();
        services.AddSingleton<FeedHealthReport>();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<WatchlistEditor>();
        services.AddSingleton<FeedTokens>();
        services.AddSingleton<AtomFeeds>();
        return services;
    }

    private static void AddOutboundClient(IServiceCollection services, string name, string accept)
    {
        var client = services.AddHttpClient(name, (sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<OutboundHttpOptions>>().Value;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
                client.DefaultRequestHeaders.Accept.ParseAdd(accept);
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(sp => SafeHttpHandler.Create(sp.GetRequiredService<IOptions<OutboundHttpOptions>>().Value));

        client.AddResilienceHandler("transient-retry", pipeline => pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            // Connection failures, timeouts and gateway errors are often gone a moment later; 429 and 503 are not
            // retried here: their Retry-After decides the feed's next poll instead.
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(500),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = arguments => ValueTask.FromResult(arguments.Outcome switch
            {
                { Exception: HttpRequestException { StatusCode: null, InnerException: not AddressRefusedException } } => true,
                { Exception: TimeoutException } => true,
                { Result.StatusCode: HttpStatusCode.RequestTimeout or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout } => true,
                _ => false,
            }),
        }));

        // Inside the retry, so every attempt waits its turn at the host.
        client.AddHttpMessageHandler<HostPolitenessHandler>();
    }
}
