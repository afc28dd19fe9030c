using System.Globalization;
using System.Text.RegularExpressions;
using NewsMonitor.Articles;
using NewsMonitor.Cli.LocalHost;
using NewsMonitor.Delivery.Spikes;
using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Benchmarks.Spikes;

/// <summary>
/// <c>--spikes [feeds] [items]</c>: replays mention times through <see cref="SpikeDetector"/> and
/// <see cref="SpikeEpisodes"/>, hour by hour as the live check judges complete hours, at each sensitivity, and prints
/// Markdown tables of episodes (one alert each). Corpus feeds: the 40 real feeds' items by publication hour (undated
/// items left out), as entities each feed on its own and each seed-watchlist entity matched in titles and summaries;
/// each entity is watched from its first mention, so its first day is the detector's warm-up. Load harness (<c>--load feeds items</c>):
/// its items are undated, so each is counted in the hour it is discovered, all in the first poll; the seed watchlist is
/// matched in the extracted text of the pages the load site serves, and the drain is replayed once (a cold start: no
/// history at all) and once a day for five weeks (the same burst at the same hour every day).
/// </summary>
internal static partial class SpikeEvaluation
{
    private static readonly SpikeSensitivity[] Sensitivities = [SpikeSensitivity.Low, SpikeSensitivity.Medium, SpikeSensitivity.High];

    public static int Run(int loadFeeds, int loadItems, TextWriter output)
    {
        var root = AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("run from inside the repository");
        var matcher = new MentionMatcher(WatchlistLoader.Parse(File.ReadAllBytes(Path.Combine(root, "seeds", "watchlist.json")), "seeds/watchlist.json"));
        var byFeed = new List<Row>();
        var byEntity = new Dictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);
        var undated = 0;
        foreach (var (name, bytes, _) in FeedCorpus.Feeds)
        {
            var times = new List<DateTimeOffset>();
            foreach (var item in Parse(bytes, name))
            {
                if (item.Published is not { } published)
                {
                    undated++;
                    continue;
                }

                times.Add(published);
                var text = new ArticleText(item.Title ?? string.Empty, Tag().Replace(item.Summary ?? item.Content ?? string.Empty, " "));
                foreach (var entity in matcher.Match(text, name).Entities)
                {
                    (byEntity.TryGetValue(entity.Id, out var list) ? list : byEntity[entity.Id] = []).Add(published);
                }
            }

            if (times.Count > 0)
            {
                byFeed.Add(new Row(Path.GetFileNameWithoutExtension(name), times));
            }
        }

        var header = string.Create(CultureInfo.InvariantCulture, $"spike window {SpikeDetector.WindowHours} h, cool-down {SpikeEpisodes.CoolDown.TotalHours} h; cells: episodes (alerts) at low / medium / high");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Corpus feeds: {FeedCorpus.Feeds.Length} feeds, {byFeed.Sum(f => f.Times.Count)} dated items ({undated} without a date, left out); each entity watched from its first mention (the first {SpikeDetector.WarmUp.TotalHours} h are warm-up); {header}"));
        output.WriteLine();
        Table(output, "feed as one entity", [.. byFeed.OrderByDescending(f => f.Times.Count).ThenBy(f => f.Entity, StringComparer.Ordinal)]);
        output.WriteLine();
        Table(output, "seed-watchlist entity in the feeds' items", [.. byEntity.OrderByDescending(e => e.Value.Count).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => new Row(e.Key, e.Value))]);
        output.WriteLine();

        var load = LoadEntities(matcher, loadFeeds, loadItems);
        var drain = new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Load harness (--load {loadFeeds} {loadItems}): {loadFeeds * loadItems:N0} undated articles, all discovered in the hour of the drain, each entity watched from it; {header}"));
        output.WriteLine();
        Table(output, "seed-watchlist entity, one drain (cold start)", [.. load.Select(e => new Row(e.Entity, [.. Enumerable.Repeat(drain, e.Count)]))]);
        output.WriteLine();
        Table(output, "seed-watchlist entity, the drain daily for 5 weeks", [.. load.Select(e => new Row(e.Entity, [.. Enumerable.Range(0, 35).SelectMany(d => Enumerable.Repeat(drain.AddDays(d), e.Count))]))]);
        return 0;
    }

    /// <summary>One row per entity with its episodes at each sensitivity, then the totals and their rate per entity-week judged.</summary>
    private static void Table(TextWriter output, string heading, IReadOnlyList<Row> rows)
    {
        output.WriteLine($"| {heading} | mentions | days after warm-up | low | medium | high |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        var totals = new int[Sensitivities.Length];
        var judgedDays = 0.0;
        foreach (var row in rows)
        {
            var hours = row.Times.Select(HourlyVolumeStore.HourOf).ToList();
            var first = hours.Min();
            var end = hours.Max().AddHours(SpikeDetector.WindowHours);
            var series = HourlySeries.From(hours.GroupBy(h => h).Select(g => new HourVolume(g.Key, g.Count(), new Dictionary<string, int>())), first, end);
            var days = Math.Max(0, (end - first - SpikeDetector.WarmUp).TotalDays);
            judgedDays += days;
            var counts = Sensitivities.Select(s => SpikeEpisodes.Replay(series, first, end, SpikeSettings.Of(s)).EpisodeStarts.Count).ToArray();
            for (var i = 0; i < counts.Length; i++)
            {
                totals[i] += counts[i];
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {row.Entity} | {row.Times.Count} | {days:0.0} | {string.Join(" | ", counts)} |"));
        }

        // Per entity-week of judged time, where there is a week of it to speak of.
        var weeks = judgedDays / 7;
        var rates = totals.Select(t => weeks >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{t} ({t / weeks:0.000}/entity/wk)") : t.ToString(CultureInfo.InvariantCulture));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| **all {rows.Count}** | {rows.Sum(r => r.Times.Count)} | {judgedDays:0.0} | {string.Join(" | ", rates)} |"));
    }

    /// <summary>How many of the load's articles each seed-watchlist entity matches: the load site serves page (feed × items + item) mod 121.</summary>
    private static List<(string Entity, int Count)> LoadEntities(MentionMatcher matcher, int feeds, int items)
    {
        var extractor = new PageTextExtractor();
        var pages = ExtractionCorpus.Pages.Select(p => matcher.Match(new ArticleText(string.Empty, extractor.Extract(p.Html, p.Url).Text), "load").Entities.Select(e => e.Id).ToList()).ToArray();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var article = 0; article < feeds * items; article++)
        {
            foreach (var entity in pages[article % pages.Length])
            {
                counts[entity] = counts.GetValueOrDefault(entity) + 1;
            }
        }

        return [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value))];
    }

    private static IReadOnlyList<FeedEntry> Parse(byte[] bytes, string name)
    {
        try
        {
            return FeedParser.Parse(bytes, FeedCorpus.UrlOf(name)).Items;
        }
        catch (FeedParseException)
        {
            return [];
        }
    }

    /// <summary>Summaries are often HTML; the matcher reads words.</summary>
    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    private sealed record Row(string Entity, List<DateTimeOffset> Times);
}
