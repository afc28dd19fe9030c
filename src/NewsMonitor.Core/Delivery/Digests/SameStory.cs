using NewsMonitor.Matching;

namespace NewsMonitor.Delivery.Digests;

/// <summary>
/// The one rule for "the same story from another outlet": headlines that share at least 80% of their words (folded
/// as the matcher folds them), as digests group them and the workspace lists them beside an article.
/// </summary>
public static class SameStory
{
    private const double Overlap = 0.8;

    public static HashSet<string> Words(string headline) => Tokenizer.FoldedWords(headline).ToHashSet(StringComparer.Ordinal);

    public static bool Alike(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return false;
        }

        var shared = a.Count(b.Contains);
        return shared >= Overlap * Math.Max(a.Count, b.Count);
    }
}
