using System.Text.Encodings.Web;
using System.Text.Json;
using NewsMonitor.Feeds;
using NewsMonitor.Tests.Corpora;

namespace NewsMonitor.Tests.Feeds;

/// <summary>
/// The shared feed corpus (<c>shared/corpora/feeds</c>, see <see cref="SharedCorpus"/>; tests that read it are
/// <see cref="CorpusTheoryAttribute"/>s) and the golden files that record what each real feed must parse to.
/// </summary>
internal static class FeedCorpus
{
    /// <summary>Set to 1 to (re)write missing golden files from the parser's output — then check them by hand.</summary>
    public const string WriteGoldenVariable = "NEWSMONITOR_WRITE_FEED_GOLDEN";

    private static readonly Lazy<string> CorpusFolder = new(() => SharedCorpus.FolderOf(SharedCorpus.Feeds));

    public static readonly JsonSerializerOptions GoldenJson = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static string PathOf(string category, string name) => Path.Combine(CorpusFolder.Value, category, name);

    public static TheoryData<string> Names(string category) => new(FileNames(category));

    public static string[] FileNames(string category) =>
        [.. Directory.GetFiles(Path.Combine(CorpusFolder.Value, category)).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    /// <summary>A made-up address for each corpus file, so relative links resolve to something checkable.</summary>
    public static Uri UrlOf(string name) => new($"https://corpus.example/feeds/{Uri.EscapeDataString(name)}");

    public static string GoldenPath(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "FeedGolden", name + ".json");

    /// <summary>Where golden files are written: the test project's own TestData/FeedGolden, not the build output.</summary>
    public static string GoldenSourcePath(string name)
    {
        var project = FindUp(Path.Combine("tests", "NewsMonitor.Core.Tests"))
            ?? throw new DirectoryNotFoundException("tests/NewsMonitor.Core.Tests was not found above " + AppContext.BaseDirectory);
        return Path.Combine(project, "TestData", "FeedGolden", name + ".json");
    }

    public static bool WritingGolden => Environment.GetEnvironmentVariable(WriteGoldenVariable) == "1";

    public static string ToGoldenJson(ParsedFeed feed) => JsonSerializer.Serialize(
        new GoldenFeed(
            feed.Format,
            feed.Title,
            feed.UpdateInterval?.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            feed.Items.Count,
            [.. feed.Items.Select(i => new GoldenItem(i.Title, i.Link?.AbsoluteUri, i.Published?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)))]),
        GoldenJson) + "\n";

    private static string? FindUp(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private sealed record GoldenFeed(string Format, string? Title, string? UpdateInterval, int ItemCount, GoldenItem[] Items);

    private sealed record GoldenItem(string? Title, string? Link, string? Published);
}
