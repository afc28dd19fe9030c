using System.Text.Json;
using NewsMonitor.Articles;
using NewsMonitor.Feeds;
using NewsMonitor.Tests.Corpora;

namespace NewsMonitor.Tests.Matching;

/// <summary>
/// Real news text for measuring names that are also words: the hand-marked bodies of the article-extraction pages and
/// the items (title and text) of the real feeds, each under a stable id a fixture can point at.
/// </summary>
internal static class NamesCorpus
{
    public static IReadOnlyDictionary<string, ArticleText> Articles { get; } = Load();

    private static Dictionary<string, ArticleText> Load()
    {
        var articles = new Dictionary<string, ArticleText>(StringComparer.Ordinal);
        var pages = SharedCorpus.FolderOf(SharedCorpus.ArticleExtraction);
        using (var truth = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(pages, "truth.json"))))
        {
            foreach (var page in truth.RootElement.EnumerateObject())
            {
                articles["page:" + page.Name] = new ArticleText(string.Empty, page.Value.GetProperty("articleBody").GetString() ?? string.Empty);
            }
        }

        var feeds = Path.Combine(SharedCorpus.FolderOf(SharedCorpus.Feeds), "real");
        foreach (var file in Directory.EnumerateFiles(feeds).Order(StringComparer.Ordinal))
        {
            ParsedFeed feed;
            try
            {
                feed = FeedParser.Parse(File.ReadAllBytes(file), new Uri("https://feeds.example/" + Path.GetFileName(file)));
            }
            catch (FeedParseException)
            {
                continue;
            }

            for (var i = 0; i < feed.Items.Count; i++)
            {
                // As the feed poller reads an item: its title and its content (or summary) as plain text.
                var item = feed.Items[i];
                articles[$"feed:{Path.GetFileName(file)}#{i}"] = new ArticleText(
                    HtmlText.ToPlainText(item.Title ?? string.Empty), HtmlText.ToPlainText(item.Content ?? item.Summary ?? string.Empty));
            }
        }

        return articles;
    }
}
