using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Articles;
using NewsMonitor.Cli.LocalHost;
using NewsMonitor.Cli.Terminal;
using NewsMonitor.Ingestion;

namespace NewsMonitor.IntegrationTests;

/// <summary>The progress of a local run: a status line with rates on a terminal, one plain closing line elsewhere, nothing with --quiet.</summary>
public sealed class RunProgressTests
{
    public static TheoryData<string, int, double, string> Rates => new()
    {
        { "nothing yet", 0, 0, "0.0/s" },
        { "a fast drain in articles a second", 60, 24, "2.5/s" },
        { "a slow run in feeds a minute", 4, 40, "6.0/min" },
        { "no time elapsed", 3, 0, "0.0/min" },
    };

    [Theory]
    [MemberData(nameof(Rates))]
    public void ARateIsPerSecondOrPerMinuteWhicheverReadsBetter(string why, int count, double seconds, string expected)
    {
        var rate = RunProgress.Rate(count, TimeSpan.FromSeconds(seconds));

        Assert.True(expected == rate, $"{why}: got {rate}");
    }

    [Fact]
    public void TheStatusLineCountsFeedsAndArticlesAgainstTheirTotals()
    {
        var summary = Summary(feeds: 3, articles: 42, matched: 5, newItems: 60);

        var status = RunProgress.Status(summary, feeds: 4, TimeSpan.FromSeconds(14));

        Assert.Equal("feeds 3/4 (12.9/min) · articles 42/60 (3.0/s) · 5 matched · 14 s", status);
    }

    [Fact]
    public async Task RedirectedARunEndsWithOnePlainLineOfTotalsAndRates()
    {
        var clock = new FakeTimeProvider();
        using var writer = new StringWriter();
        var summary = Summary(feeds: 0, articles: 0, matched: 0, newItems: 0);

        await using (RunProgress.Start(new TerminalLines(writer, interactive: false), summary, feeds: 4, quiet: false, clock))
        {
            summary.Polled(failed: false, notModified: false, newItems: 2);
            summary.Processed(Outcome(matched: true));
            summary.Processed(Outcome(matched: false));
            clock.Advance(TimeSpan.FromSeconds(2));
        }

        Assert.Equal("Done in 2.0 s: 1 feeds polled (30.0/min), 2 articles processed (1.0/s), 1 matched." + Environment.NewLine, writer.ToString());
    }

    [Fact]
    public async Task QuietARunShowsNoProgressAtAll()
    {
        using var writer = new StringWriter();
        var summary = Summary(feeds: 1, articles: 1, matched: 1, newItems: 1);

        await using (RunProgress.Start(new TerminalLines(writer, interactive: false), summary, feeds: 1, quiet: true))
        {
        }

        Assert.Empty(writer.ToString());
    }

    private static ArticleOutcome Outcome(bool matched) => new("0123456789abcdef0123456789abcdef", matched, matched ? 1 : 0, TextOrigin.Feed);

    private static RunSummary Summary(int feeds, int articles, int matched, int newItems)
    {
        var summary = new RunSummary();
        for (var i = 0; i < feeds; i++)
        {
            summary.Polled(failed: false, notModified: false, newItems: i == 0 ? newItems : 0);
        }

        for (var i = 0; i < articles; i++)
        {
            summary.Processed(Outcome(matched: i < matched));
        }

        return summary;
    }
}
