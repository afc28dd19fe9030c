using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(NewsMonitor.Benchmarks.NewsCorpus).Assembly).Run(args);
