using NewsMonitor.Articles;
using NewsMonitor.Tests.Corpora;

namespace NewsMonitor.Tests.Matching;

/// <summary>
/// Real news text for measuring names that are also words: the hand-marked bodies of the article-extraction pages and
/// the items (title and text) of the real feeds, each under a stable id a fixture can point at (read by <see cref="LargeCorpus"/>).
/// </summary>
internal static class NamesCorpus
{
    public static IReadOnlyDictionary<string, ArticleText> Articles { get; } = LargeCorpus.Distinct
        .Where(a => !a.Id.StartsWith("html:", StringComparison.Ordinal))
        .ToDictionary(a => a.Id, a => a.Text, StringComparer.Ordinal);
}
