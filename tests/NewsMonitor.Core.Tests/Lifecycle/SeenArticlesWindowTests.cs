using System.Globalization;
using System.Text.RegularExpressions;
using NewsMonitor.Feeds;
using NewsMonitor.Lifecycle;
using NewsMonitor.Tests.Corpora;
using NewsMonitor.Tests.Feeds;
using Xunit.Abstractions;

namespace NewsMonitor.Tests.Lifecycle;

/// <summary>
/// The default <c>SeenArticles</c> window against how far back real feeds reach: an item a feed still serves after its
/// row was deleted would be queued as new, so the window must outlast the oldest item any corpus feed serves, counted
/// from the feed's own date (lastBuildDate, pubDate or updated of the channel; else its newest item).
/// </summary>
public sealed partial class SeenArticlesWindowTests(ITestOutputHelper output)
{
    [CorpusFact(SharedCorpus.Feeds)]
    public void TheDefaultWindowOutlastsTheOldestItemOfEveryCorpusFeed()
    {
        var ages = new List<(string Feed, TimeSpan Age)>();
        foreach (var name in FeedCorpus.FileNames("real"))
        {
            var content = File.ReadAllBytes(FeedCorpus.PathOf("real", name));
            var dates = FeedParser.Parse(content, FeedCorpus.UrlOf(name)).Items.Select(i => i.Published).OfType<DateTimeOffset>().ToList();
            if (dates.Count == 0)
            {
                continue;
            }

            var fetched = ChannelDate(FeedDecoder.Decode(content).Text) ?? dates.Max();
            ages.Add((name, fetched - dates.Min()));
        }

        var sorted = ages.OrderBy(a => a.Age).ToList();
        output.WriteLine(string.Join('\n', sorted.Select(a => $"{a.Age.TotalDays,8:0.0} days  {a.Feed}")));
        output.WriteLine($"feeds with dated items: {sorted.Count}; median {sorted[sorted.Count / 2].Age.TotalDays:0.0} days; oldest {sorted[^1].Age.TotalDays:0.0} days");
        Assert.True(sorted.Count >= 30, $"only {sorted.Count} corpus feeds have dated items");
        Assert.True(new RetentionOptions().SeenArticles > sorted[^1].Age, $"{sorted[^1].Feed} serves an item {sorted[^1].Age.TotalDays:0.0} days old; the default window is {new RetentionOptions().SeenArticles.TotalDays} days");
    }

    /// <summary>The channel's own date: the first date element before the first item or entry.</summary>
    private static DateTimeOffset? ChannelDate(string text)
    {
        var firstItem = FirstItem().Match(text);
        var head = firstItem.Success ? text[..firstItem.Index] : text;
        return ChannelDateElement().Matches(head).Select(m => FeedDates.Parse(m.Groups[2].Value)).FirstOrDefault(d => d is not null);
    }

    [GeneratedRegex(@"<(item|entry)[\s>]")]
    private static partial Regex FirstItem();

    [GeneratedRegex(@"<(lastBuildDate|pubDate|updated|dc:date)>([^<]+)</\1>")]
    private static partial Regex ChannelDateElement();
}
