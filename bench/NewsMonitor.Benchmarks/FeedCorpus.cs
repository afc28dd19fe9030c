using NewsMonitor.Feeds;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// The 40 real publisher feeds of <c>shared/corpora/feeds/real</c> (RSS 0.91/1.0/2.0 and Atom, 1–151 KB, UTF-8,
/// ISO-8859-1 and windows-1251): their bytes, their text as <see cref="FeedDecoder"/> reads it (trimmed: an XML declaration must come first), and the totals one
/// benchmark operation (all 40) covers.
/// </summary>
internal static class FeedCorpus
{
    private static readonly Lazy<(string Name, byte[] Bytes, string Text)[]> Loaded = new(Load);

    public static (string Name, byte[] Bytes, string Text)[] Feeds => Loaded.Value;

    /// <summary>Bytes of all feeds: the work of one benchmark operation.</summary>
    public static long Bytes => Feeds.Sum(f => (long)f.Bytes.Length);

    /// <summary>Items FeedParser finds in all feeds.</summary>
    public static int Items => Feeds.Sum(f => FeedParser.Parse(f.Bytes, UrlOf(f.Name)).Items.Count);

    public static Uri UrlOf(string name) => new($"https://corpus.example/feeds/{Uri.EscapeDataString(name)}");

    private static (string Name, byte[] Bytes, string Text)[] Load()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var folder = Path.Combine(directory.FullName, "shared", "corpora", "feeds", "real");
            if (Directory.Exists(folder))
            {
                return [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(path =>
                {
                    var bytes = File.ReadAllBytes(path);
                    return (Path.GetFileName(path), bytes, FeedDecoder.Decode(bytes).Text.Trim());
                })];
            }
        }

        throw new DirectoryNotFoundException("shared/corpora/feeds/real was not found above " + AppContext.BaseDirectory);
    }
}
