using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace NewsMonitor.Storage;

/// <summary>The queues, containers and tables of one deployment, as thread-safe clients shared by every stage.</summary>
public sealed class MonitorStorage
{
    private readonly QueueServiceClient queues;
    private readonly TableServiceClient tables;
    private readonly BlobServiceClient blobs;

    public MonitorStorage(StorageConnection connection, StorageNames names)
    {
        Names = names;
        queues = connection.CreateQueueServiceClient();
        tables = connection.CreateTableServiceClient();
        blobs = connection.CreateBlobServiceClient();
        FeedsQueue = queues.GetQueueClient(names.Feeds);
        ArticlesQueue = queues.GetQueueClient(names.Articles);
        AlertsQueue = queues.GetQueueClient(names.Alerts);
        BackfillQueue = queues.GetQueueClient(names.Backfill);
        SpikesQueue = queues.GetQueueClient(names.Spikes);
        Matches = blobs.GetBlobContainerClient(names.Matches);
        Digests = blobs.GetBlobContainerClient(names.Digests);
        Locks = blobs.GetBlobContainerClient(names.Locks);
        Archive = blobs.GetBlobContainerClient(names.Archive);
        MatchIndex = tables.GetTableClient(names.MatchIndex);
        FeedState = tables.GetTableClient(names.FeedState);
        SeenArticles = tables.GetTableClient(names.SeenArticles);
        SeenArticleDays = tables.GetTableClient(names.SeenArticleDays);
        DigestState = tables.GetTableClient(names.DigestState);
        Deliveries = tables.GetTableClient(names.Deliveries);
        Reviews = tables.GetTableClient(names.Reviews);
        EntityVolume = tables.GetTableClient(names.EntityVolume);
        Backfills = tables.GetTableClient(names.Backfills);
        Spikes = tables.GetTableClient(names.SpikeEpisodes);
    }

    public StorageNames Names { get; }

    public QueueClient FeedsQueue { get; }

    public QueueClient ArticlesQueue { get; }

    public QueueClient AlertsQueue { get; }

    /// <summary>One message per archive block a backfill applies (<see cref="Backfill.BackfillMessage"/>).</summary>
    public QueueClient BackfillQueue { get; }

    /// <summary>One message per spike episode to deliver (<see cref="Spikes.SpikeMessage"/>).</summary>
    public QueueClient SpikesQueue { get; }

    public BlobContainerClient Matches { get; }

    public BlobContainerClient Digests { get; }

    /// <summary>Blobs leased by <see cref="SingletonLock"/>, one per timer.</summary>
    public BlobContainerClient Locks { get; }

    /// <summary>The text of every processed article (<see cref="Archive.ArticleArchive"/>).</summary>
    public BlobContainerClient Archive { get; }

    public TableClient MatchIndex { get; }

    public TableClient FeedState { get; }

    public TableClient SeenArticles { get; }

    public TableClient SeenArticleDays { get; }

    public TableClient DigestState { get; }

    /// <summary>The delivery ledger (<see cref="DeliveryStore"/>): PK subscription id, RK <c>{item key}|{channel key}</c>.</summary>
    public TableClient Deliveries { get; }

    /// <summary>Each matched article's review state and its history (<see cref="ReviewRow"/>).</summary>
    public TableClient Reviews { get; }

    /// <summary>Each entity's matched articles per UTC hour (<see cref="HourlyVolumeStore"/>): PK entity id, RK the hour's time key.</summary>
    public TableClient EntityVolume { get; }

    /// <summary>Backfill jobs, their blocks, and each entity's applied definition (<see cref="BackfillStore"/>).</summary>
    public TableClient Backfills { get; }

    /// <summary>Spike episodes per entity and setting (<see cref="SpikeStore"/>).</summary>
    public TableClient Spikes { get; }

    public QueueClient Queue(string name) => queues.GetQueueClient(name);

    /// <summary>The container that holds the configuration files when they live in storage.</summary>
    public BlobContainerClient ConfigContainer(string name) => blobs.GetBlobContainerClient(Names.Container(name));

    /// <summary>The blob that holds a configuration file in the configuration container: named like the file, without its folder.</summary>
    public BlobClient ConfigBlob(string container, string path) => ConfigContainer(container).GetBlobClient(Path.GetFileName(path));

    public QueueClient PoisonQueue(QueueClient queue) => queues.GetQueueClient(StorageNames.Poison(queue.Name));

    /// <summary>Creates every queue, container and table that does not exist yet; safe to call on every start.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var queue in new[] { FeedsQueue, ArticlesQueue, AlertsQueue, BackfillQueue, SpikesQueue })
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await PoisonQueue(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        await Matches.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await Digests.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await Locks.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await Archive.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var table in new[] { MatchIndex, FeedState, SeenArticles, SeenArticleDays, DigestState, Deliveries, Reviews, EntityVolume, Backfills, Spikes })
        {
            try
            {
                await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Another instance created it between the existence check and the create.
            }
        }
    }
}
