using BenchmarkDotNet.Running;
using NewsMonitor.Benchmarks;

if (args is ["--predictions", var folder])
{
    ExtractionPredictions.Write(folder);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(NewsCorpus).Assembly).Run(args);
