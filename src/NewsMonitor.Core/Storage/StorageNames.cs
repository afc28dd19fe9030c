namespace NewsMonitor.Storage;

/// <summary>
/// Names of the queues, containers and tables. Azure and <c>monitor run</c> use them as they are; tests give each run a
/// prefix so runs can share one Azurite without seeing each other's data.
/// </summary>
public sealed class StorageNames
{
    public const string FeedsQueue = "feeds";
    public const string ArticlesQueue = "articles";
    public const string AlertsQueue = "alerts";

    /// <summary>One message per archive block of a backfill job (<see cref="Backfill.BackfillMessage"/>).</summary>
    public const string BackfillQueue = "backfill";

    /// <summary>One message per spike episode to deliver (<see cref="Spikes.SpikeMessage"/>).</summary>
    public const string SpikesQueue = "spikes";
    public const string PoisonSuffix = "-poison";

    public StorageNames(string? prefix = null)
    {
        if (!string.IsNullOrEmpty(prefix) && !(char.IsAsciiLetterLower(prefix[0]) && prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) && prefix.Length <= 20))
        {
            throw new ArgumentException($"Storage prefix \"{prefix}\" must be 1-20 lower-case letters and digits, starting with a letter.", nameof(prefix));
        }

        Prefix = prefix ?? string.Empty;
    }

    public string Prefix { get; }

    public string Feeds => Queue(FeedsQueue);

    public string Articles => Queue(ArticlesQueue);

    public string Alerts => Queue(AlertsQueue);

    public string Backfill => Queue(BackfillQueue);

    public string Spikes => Queue(SpikesQueue);

    public string Matches => Container("matches");

    public string Digests => Container("digests");

    public string Locks => Container("locks");

    public string Archive => Container("archive");

    public string MatchIndex => Table("MatchIndex");

    public string FeedState => Table("FeedState");

    public string SeenArticles => Table("SeenArticles");

    /// <summary>The day each <c>SeenArticles</c> row was first seen (<see cref="SeenArticleDays"/>), for retention.</summary>
    public string SeenArticleDays => Table("SeenArticleDays");

    public string DigestState => Table("DigestState");

    /// <summary>One row per (subscription, item, channel) delivered or being delivered (<see cref="DeliveryStore"/>).</summary>
    public string Deliveries => Table("Deliveries");

    public string Reviews => Table("Reviews");

    public string EntityVolume => Table("EntityVolume");

    public string Backfills => Table("Backfills");

    public string SpikeEpisodes => Table("Spikes");

    public static string Poison(string queue) => queue + PoisonSuffix;

    /// <summary>A stage queue's name in this deployment (<c>articles</c> → <c>t1-articles</c> under prefix <c>t1</c>).</summary>
    public string Queue(string name) => Prefixed(name);

    /// <summary>A blob container's name in this deployment.</summary>
    public string Container(string name) => Prefixed(name);

    // Queue and container names share one alphabet (lower-case letters, digits, '-'); table names allow no '-'.
    private string Prefixed(string name) => Prefix.Length == 0 ? name : $"{Prefix}-{name}";

    private string Table(string name) => Prefix + name;
}
