using System.Text;
using System.Text.Json;
using NewsMonitor.Tests.Corpora;

namespace NewsMonitor.Tests.Articles;

/// <summary>The pages of the article-extraction corpus with their true article text, in the order of their ids.</summary>
internal static class ExtractionPages
{
    public static List<(string Id, string Html, string Truth)> Load()
    {
        var folder = SharedCorpus.FolderOf(SharedCorpus.ArticleExtraction);
        using var truth = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "truth.json")));

        // The corpus pages are UTF-8 whatever their meta says.
        return truth.RootElement.EnumerateObject()
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (p.Name, File.ReadAllText(Path.Combine(folder, p.Name + ".html"), Encoding.UTF8), p.Value.GetProperty("articleBody").GetString() ?? string.Empty))
            .ToList();
    }
}
