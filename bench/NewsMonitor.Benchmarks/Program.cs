using BenchmarkDotNet.Running;
using NewsMonitor.Benchmarks;

if (args is ["--predictions", var folder])
{
    ExtractionPredictions.Write(folder);
    return 0;
}

if (args is ["--load", .. var sizes])
{
    var feeds = sizes.Length > 0 ? int.Parse(sizes[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000;
    var items = sizes.Length > 1 ? int.Parse(sizes[1], System.Globalization.CultureInfo.InvariantCulture) : 50;
    return await NewsMonitor.Benchmarks.Load.LoadRun.RunAsync(feeds, items, Console.Out);
}

if (args is ["--archive", .. var archiveSizes])
{
    var articles = archiveSizes.Length > 0 ? int.Parse(archiveSizes[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
    var feeds = archiveSizes.Length > 1 ? int.Parse(archiveSizes[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000;
    return await NewsMonitor.Benchmarks.Archive.ArchiveRun.RunAsync(articles, feeds, Console.Out);
}

if (args is ["--spikes", .. var loadShape])
{
    var feeds = loadShape.Length > 0 ? int.Parse(loadShape[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000;
    var items = loadShape.Length > 1 ? int.Parse(loadShape[1], System.Globalization.CultureInfo.InvariantCulture) : 50;
    return NewsMonitor.Benchmarks.Spikes.SpikeEvaluation.Run(feeds, items, Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(NewsCorpus).Assembly).Run(args);
return 0;
