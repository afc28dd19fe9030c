using System.ComponentModel.DataAnnotations;

namespace NewsMonitor.Configuration;

/// <summary>Where the watchlist, feed list and subscriptions live, and how often feeds are polled.</summary>
public sealed class MonitorOptions
{
    public const string SectionName = "Monitor";

    /// <summary>Path of <c>watchlist.json</c>, relative to the working directory unless absolute.</summary>
    [Required]
    public string WatchlistPath { get; set; } = "seeds/watchlist.json";

    [Required]
    public string FeedsPath { get; set; } = "seeds/feeds.json";

    [Required]
    public string SubscriptionsPath { get; set; } = "seeds/subscriptions.json";

    /// <summary>
    /// When set, the watchlist, feed list and subscriptions are read from this blob container of the deployment's storage
    /// account (blobs named like the files of the paths above), checked for changes every <see cref="ConfigRefreshInterval"/>.
    /// </summary>
    [RegularExpression("^([a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62})?$")]
    public string ConfigContainer { get; set; } = string.Empty;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ConfigRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long after a successful poll a feed is due again when neither the feed nor the server says.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The shortest wait between polls, whatever a feed's ttl or Cache-Control asks for.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest wait between polls of a healthy feed, whatever its ttl asks for.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The longest wait after repeated failures.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Feeds whose summary is shorter than this many words get their page fetched for the full text.</summary>
    [Range(0, 10_000)]
    public int FullTextMinWords { get; set; } = 150;

    /// <summary>
    /// How long the archive keeps every processed article's text (<c>Monitor__ArchiveRetention</c>, e.g. "90" for 90
    /// days or "30.00:00:00"): the window backfills, backtests and searches reach back over.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00", ErrorMessage = "Monitor:ArchiveRetention must be from one hour to 3650 days")]
    public TimeSpan ArchiveRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Prefix for every queue, container and table name; empty in Azure, set by tests to isolate runs.</summary>
    [RegularExpression("^([a-z][a-z0-9]{0,19})?$")]
    public string StoragePrefix { get; set; } = string.Empty;
}
