using System.Xml.Linq;
using NewsMonitor.Feeds;

namespace NewsMonitor.Tests.Feeds;

public sealed class FeedUpdateIntervalTests
{
    private const string Sy = "xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"";

    public static TheoryData<string, string, string?> Hints => new()
    {
        { "ttl in minutes", "<rss><channel><ttl>60</ttl></channel></rss>", "01:00:00" },
        { "ttl with spaces", "<rss><channel><ttl> 15 </ttl></channel></rss>", "00:15:00" },
        { "ttl wins over sy", $"<rss {Sy}><channel><ttl>30</ttl><sy:updatePeriod>daily</sy:updatePeriod></channel></rss>", "00:30:00" },
        { "hourly", $"<rss {Sy}><channel><sy:updatePeriod>hourly</sy:updatePeriod></channel></rss>", "01:00:00" },
        { "hourly twice", $"<rss {Sy}><channel><sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency></channel></rss>", "00:30:00" },
        { "daily four times", $"<rss {Sy}><channel><sy:updatePeriod> Daily </sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency></channel></rss>", "06:00:00" },
        { "weekly", $"<rss {Sy}><channel><sy:updatePeriod>weekly</sy:updatePeriod><sy:updateFrequency>1</sy:updateFrequency></channel></rss>", "7.00:00:00" },
        { "monthly", $"<rss {Sy}><channel><sy:updatePeriod>monthly</sy:updatePeriod></channel></rss>", "30.00:00:00" },
        { "yearly twice", $"<rss {Sy}><channel><sy:updatePeriod>yearly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency></channel></rss>", "182.12:00:00" },
        { "RSS 1.0 channel", $"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\" {Sy}><channel><sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency></channel></rdf:RDF>", "00:15:00" },
        { "Atom feed element", $"<feed xmlns=\"http://www.w3.org/2005/Atom\" {Sy}><sy:updatePeriod>daily</sy:updatePeriod></feed>", "1.00:00:00" },
        { "unknown period", $"<rss {Sy}><channel><sy:updatePeriod>sometimes</sy:updatePeriod></channel></rss>", null },
        { "bad frequency keeps the period", $"<rss {Sy}><channel><sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>often</sy:updateFrequency></channel></rss>", "1.00:00:00" },
        { "zero ttl", "<rss><channel><ttl>0</ttl></channel></rss>", null },
        { "negative ttl", "<rss><channel><ttl>-5</ttl></channel></rss>", null },
        { "ttl of a decade", "<rss><channel><ttl>5256000</ttl></channel></rss>", null },
        { "sy without its namespace", "<rss><channel><updatePeriod>daily</updatePeriod></channel></rss>", null },
        { "nothing", "<rss><channel><title>x</title></channel></rss>", null },
    };

    [Theory]
    [MemberData(nameof(Hints))]
    public void HintIsReadFromTtlOrSyndication(string quirk, string xml, string? interval)
    {
        var hint = FeedUpdateInterval.Read(XDocument.Parse(xml).Root);

        Assert.True(interval == hint?.ToString("c", System.Globalization.CultureInfo.InvariantCulture), $"{quirk}: {hint}");
    }
}
