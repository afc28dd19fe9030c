using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// Bytes a built object keeps alive — what a long-running host pays for holding it, unlike the bytes its construction
/// allocates: the managed heap after a full collection with the object held, minus before it was built. Measured in
/// the host process (the benchmark process reports only allocations), once per case, from a builder that makes the
/// inputs before it is called; <paramref name="perTerm"/> divides by the <c>Terms</c> parameter.
/// </summary>
internal sealed class KeptColumn(Func<string, int, Func<object>> builder, bool perTerm) : IColumn
{
    private static readonly ConcurrentDictionary<(string Method, int Terms), long> Measured = new();

    public string Id => $"{nameof(KeptColumn)}.{perTerm}";

    public string ColumnName => perTerm ? "Kept/term" : "Kept";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => perTerm ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => perTerm ? UnitType.Dimensionless : UnitType.Size;

    public string Legend => perTerm ? "Bytes kept alive by the built object, per name or query term" : "Bytes kept alive by the built object (heap after a full GC with it held, minus before)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var terms = (int)benchmarkCase.Parameters["Terms"];
        var bytes = Measured.GetOrAdd((benchmarkCase.Descriptor.WorkloadMethod.Name, terms), key => Measure(builder(key.Method, key.Terms)));
        return perTerm
            ? (bytes / (double)terms).ToString("N0", CultureInfo.InvariantCulture)
            : (bytes / 1e6).ToString("N2", CultureInfo.InvariantCulture) + " MB";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    private static long Measure(Func<object> build)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var built = build();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(built);
        return after - before;
    }
}
