using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Telemetry;

namespace NewsMonitor.Tests.Telemetry;

/// <summary>What each pipeline event records on the meter, read back with a <see cref="MeterListener"/>; times are given, never measured.</summary>
public sealed class PipelineMetricsTests : IDisposable
{
    private static readonly DateTimeOffset MatchedAt = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().AddSingleton<PipelineMetrics>().BuildServiceProvider();
    private readonly MeterListener listener = new();
    private readonly List<(string Instrument, double Value, string Tags)> measurements = [];

    public PipelineMetricsTests()
    {
        // Only this test's meter: the factory's meters are the ones its provider created.
        var factory = services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PipelineMetrics.Name && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Add((instrument.Name, value, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Add((instrument.Name, value, Tags(tags))));
        listener.Start();
    }

    public static TheoryData<string, string, double?, (string, double, string)[]> Events => new()
    {
        {
            "a match published an hour earlier counts, and times an hour", PipelineMetrics.Outcomes.Matched, -3600,
            [(PipelineMetrics.ArticlesProcessedName, 1, "outcome=matched"), (PipelineMetrics.ArticlesMatchedName, 1, ""), (PipelineMetrics.MatchLatencyName, 3600, "")]
        },
        {
            "a match without a feed date counts but is not timed", PipelineMetrics.Outcomes.Matched, null,
            [(PipelineMetrics.ArticlesProcessedName, 1, "outcome=matched"), (PipelineMetrics.ArticlesMatchedName, 1, "")]
        },
        {
            "a match dated in the future counts but is not timed", PipelineMetrics.Outcomes.Matched, 600,
            [(PipelineMetrics.ArticlesProcessedName, 1, "outcome=matched"), (PipelineMetrics.ArticlesMatchedName, 1, "")]
        },
        {
            "an unmatched article counts as processed only", PipelineMetrics.Outcomes.Unmatched, -60,
            [(PipelineMetrics.ArticlesProcessedName, 1, "outcome=unmatched")]
        },
        {
            "a duplicate counts as processed only", PipelineMetrics.Outcomes.Duplicate, -60,
            [(PipelineMetrics.ArticlesProcessedName, 1, "outcome=duplicate")]
        },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void EachArticleOutcomeRecordsItsMeasurements(string name, string outcome, double? publishedSecondsFromMatch, (string, double, string)[] expected)
    {
        var metrics = services.GetRequiredService<PipelineMetrics>();

        metrics.ArticleProcessed(outcome, publishedSecondsFromMatch is { } s ? MatchedAt.AddSeconds(s) : null, MatchedAt);

        Assert.True(expected.SequenceEqual(measurements), $"{name}: got {string.Join("; ", measurements)}");
    }

    [Fact]
    public void AFailedFetchCountsPerFeedWithItsReason()
    {
        var metrics = services.GetRequiredService<PipelineMetrics>();

        metrics.FeedFetchFailed("wire", "404");
        metrics.FeedFetchFailed("blog", "parse");

        Assert.Equal(
            [(PipelineMetrics.FeedFetchFailuresName, 1, "feed.id=wire reason=404"), (PipelineMetrics.FeedFetchFailuresName, 1, "feed.id=blog reason=parse")],
            measurements);
    }

    public void Dispose()
    {
        listener.Dispose();
        services.Dispose();
    }

    private static string Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        => string.Join(' ', tags.ToArray().Select(t => $"{t.Key}={t.Value}"));
}
