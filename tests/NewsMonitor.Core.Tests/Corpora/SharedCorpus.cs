namespace NewsMonitor.Tests.Corpora;

/// <summary>
/// The evaluation corpora in <c>../shared/corpora</c>, beside the repository: real pages and feeds that belong to their
/// publishers, so they are not copied into it. Found by walking up from the test assembly; a clone without them skips
/// the tests that read them (<see cref="CorpusFactAttribute"/>), and <c>.ci/run</c>, which has them, fails on any skip.
/// </summary>
internal static class SharedCorpus
{
    public const string ArticleExtraction = "article-extraction";
    public const string Feeds = "feeds";

    /// <summary>The corpus folder, or null when no <c>shared/corpora/{name}</c> is above the test assembly.</summary>
    public static string? Find(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "corpora", name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static string FolderOf(string name) => Find(name)
        ?? throw new DirectoryNotFoundException($"shared/corpora/{name} was not found above {AppContext.BaseDirectory}");

    /// <summary>Why a test of <paramref name="name"/> is skipped, or null when the corpus is there.</summary>
    public static string? SkipReason(string name) => Find(name) is null
        ? $"needs shared/corpora/{name} beside the repository (not found above {AppContext.BaseDirectory}). "
          + $"It holds {Source(name)}; the files belong to their publishers, so they are not in the repository. "
          + "Put the project's shared/ folder beside the clone to run this test; .ci/run has it and fails on any skip."
        : null;

    /// <summary>
    /// The name a skipped test is listed under: <c>dotnet test</c> prints skipped tests by name but not their reason, so
    /// the name says it. Null (xunit's own name) when the corpus is there.
    /// </summary>
    public static string? SkippedDisplayName(string name, string test) => Find(name) is null
        ? $"{test} (needs shared/corpora/{name} beside the repository: {Source(name)}, not copied into it as they belong to their publishers)"
        : null;

    private static string Source(string name) => name switch
    {
        ArticleExtraction => "121 real pages from the Zyte/Scrapinghub article-extraction benchmark (github.com/scrapinghub/article-extraction-benchmark)",
        Feeds => "real publisher feeds and ill-formed feeds from other feed parsers' test suites (feedparser, feed-rs, gofeed, miniflux, …)",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a corpus of shared/corpora"),
    };
}
