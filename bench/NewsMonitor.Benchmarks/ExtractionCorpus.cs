using System.Text;
using System.Text.Json;

namespace NewsMonitor.Benchmarks;

/// <summary>The 121 pages of the article-extraction corpus in <c>../shared/corpora</c>: id, address and HTML (UTF-8).</summary>
internal static class ExtractionCorpus
{
    private static readonly Lazy<Page[]> Loaded = new(Load);

    public static Page[] Pages => Loaded.Value;

    /// <summary>UTF-8 bytes of all pages' HTML: the work of one benchmark operation.</summary>
    public static long HtmlBytes => Pages.Sum(p => (long)Encoding.UTF8.GetByteCount(p.Html));

    private static Page[] Load()
    {
        var truth = NewsCorpus.FindTruthFile();
        var folder = Path.GetDirectoryName(truth)!;
        using var document = JsonDocument.Parse(File.ReadAllBytes(truth));
        return document.RootElement.EnumerateObject()
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new Page(p.Name, new Uri(p.Value.GetProperty("url").GetString()!), File.ReadAllText(Path.Combine(folder, p.Name + ".html"), Encoding.UTF8)))
            .ToArray();
    }

    internal sealed record Page(string Id, Uri Url, string Html);
}
