using System.Globalization;
using System.Xml.Linq;

namespace NewsMonitor.Feeds;

/// <summary>
/// The publisher's hint for how often to poll: RSS &lt;ttl&gt; (minutes), else the syndication module's
/// sy:updatePeriod divided by sy:updateFrequency. Null when the feed gives none or gives nonsense. See FeedUpdateIntervalTests.
/// </summary>
public static class FeedUpdateInterval
{
    public static readonly XNamespace Syndication = "http://purl.org/rss/1.0/modules/syndication/";

    private static readonly TimeSpan Longest = TimeSpan.FromDays(366);

    /// <summary>Reads the hint from the channel (RSS), the rdf:RDF's channel (RSS 1.0) or the feed element (Atom).</summary>
    public static TimeSpan? Read(XElement? root)
    {
        if (root is null)
        {
            return null;
        }

        var channel = root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel") ?? root;
        return FromTtl(channel) ?? FromSyndication(channel) ?? (channel == root ? null : FromSyndication(root));
    }

    private static TimeSpan? FromTtl(XElement channel)
    {
        var ttl = channel.Elements().FirstOrDefault(e => e.Name.LocalName == "ttl" && e.Name.Namespace == channel.Name.Namespace);
        return int.TryParse(ttl?.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes > 0
            ? Bounded(TimeSpan.FromMinutes(minutes))
            : null;
    }

    private static TimeSpan? FromSyndication(XElement channel)
    {
        var period = channel.Element(Syndication + "updatePeriod")?.Value.Trim().ToLowerInvariant() switch
        {
            "hourly" => TimeSpan.FromHours(1),
            "daily" => TimeSpan.FromDays(1),
            "weekly" => TimeSpan.FromDays(7),
            "monthly" => TimeSpan.FromDays(30),
            "yearly" => TimeSpan.FromDays(365),
            _ => (TimeSpan?)null,
        };
        if (period is null)
        {
            return null;
        }

        var frequencyText = channel.Element(Syndication + "updateFrequency")?.Value.Trim();
        if (string.IsNullOrEmpty(frequencyText))
        {
            return period;
        }

        return int.TryParse(frequencyText, NumberStyles.None, CultureInfo.InvariantCulture, out var frequency) && frequency > 0
            ? Bounded(period.Value / frequency)
            : period;
    }

    // A ttl of a million minutes is a typo, not a plan: past a year the hint is dropped, and it is never under a minute.
    private static TimeSpan? Bounded(TimeSpan interval) => interval > Longest ? null : interval < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : interval;
}
