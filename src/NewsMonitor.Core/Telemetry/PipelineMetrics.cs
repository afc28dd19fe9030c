using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NewsMonitor.Telemetry;

/// <summary>
/// The pipeline's named metrics and its trace source, all in one place: the Functions app exports them to Application
/// Insights, <c>monitor run</c> to an OTLP endpoint or its <c>--verbose</c> summary. Outbound feed and page requests are
/// traced by HttpClient itself (source <see cref="HttpClientSource"/>), inside the span each stage opens here.
/// </summary>
public sealed class PipelineMetrics
{
    /// <summary>The name of the meter and of the activity source; exporters subscribe to it.</summary>
    public const string Name = "NewsMonitor";

    /// <summary>The activity source and meter HttpClient (System.Net.Http) publishes its requests and durations on.</summary>
    public const string HttpClientSource = "System.Net.Http";

    public const string ArticlesProcessedName = "newsmonitor.articles.processed";
    public const string ArticlesMatchedName = "newsmonitor.articles.matched";
    public const string FeedFetchFailuresName = "newsmonitor.feed.fetch.failures";
    public const string MatchLatencyName = "newsmonitor.match.latency";

    private readonly Counter<long> processed;
    private readonly Counter<long> matched;
    private readonly Counter<long> fetchFailures;
    private readonly Histogram<double> latency;

    public PipelineMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        processed = meter.CreateCounter<long>(ArticlesProcessedName, "{article}", "Articles the ExtractMentions stage finished, by outcome (matched, unmatched, duplicate)");
        matched = meter.CreateCounter<long>(ArticlesMatchedName, "{article}", "Articles that matched at least one watchlist entity");
        fetchFailures = meter.CreateCounter<long>(FeedFetchFailuresName, "{failure}", "Feed polls that failed (HTTP error, refused address, unparseable feed), by feed id");
        latency = meter.CreateHistogram<double>(MatchLatencyName, "s", "Time from an article's publication (the feed's date) to its match", advice: new InstrumentAdvice<double>
        {
            // Minutes to days: a feed polled every few minutes, up to a backlog or a late feed.
            HistogramBucketBoundaries = [60, 300, 900, 1800, 3600, 7200, 21600, 86400, 259200],
        });
    }

    /// <summary>Where the stages open their spans; HttpClient's request spans nest inside them.</summary>
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>Counts a finished article; <paramref name="published"/> (when the feed gave it) times a match.</summary>
    public void ArticleProcessed(string outcome, DateTimeOffset? published, DateTimeOffset matchedAt)
    {
        processed.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (outcome != Outcomes.Matched)
        {
            return;
        }

        matched.Add(1);
        // A feed date in the future (a wrong clock or time zone) says nothing about latency.
        if (published is { } at && at <= matchedAt)
        {
            latency.Record((matchedAt - at).TotalSeconds);
        }
    }

    public void FeedFetchFailed(string feedId, string reason)
        => fetchFailures.Add(1, new KeyValuePair<string, object?>("feed.id", feedId), new KeyValuePair<string, object?>("reason", reason));

    /// <summary>The <c>outcome</c> tag values of <see cref="ArticlesProcessedName"/>.</summary>
    public static class Outcomes
    {
        public const string Matched = "matched";
        public const string Unmatched = "unmatched";
        public const string Duplicate = "duplicate";
    }
}
