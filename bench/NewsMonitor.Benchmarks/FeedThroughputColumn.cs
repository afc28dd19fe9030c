using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NewsMonitor.Benchmarks;

/// <summary>Feed items per second or MB/s of feed bytes: the corpus totals one operation covers, divided by its mean time.</summary>
internal sealed class FeedThroughputColumn(bool items) : IColumn
{
    private static readonly Lazy<(long Bytes, int Items)> Totals = new(() => (FeedCorpus.Bytes, FeedCorpus.Items));

    public string Id => nameof(FeedThroughputColumn) + (items ? "Items" : "Bytes");

    public string ColumnName => items ? "items/s" : "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => items ? 0 : 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => items
        ? "Feed items (as FeedParser counts them in the 40 real feeds) per second"
        : "Megabytes (10^6) of feed bytes per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null || statistics.Mean <= 0)
        {
            return "-";
        }

        var seconds = statistics.Mean / 1e9;
        return items
            ? (Totals.Value.Items / seconds).ToString("N0", CultureInfo.InvariantCulture)
            : (Totals.Value.Bytes / 1e6 / seconds).ToString("N1", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
