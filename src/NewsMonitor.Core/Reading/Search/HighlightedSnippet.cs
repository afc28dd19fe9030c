using NewsMonitor.Matching;

namespace NewsMonitor.Reading.Search;

/// <summary>A sentence of an article's title or body with the hits in it, as search results and backtest examples show them.</summary>
public sealed record HighlightedSnippet(TextField Field, string Text, IReadOnlyList<Highlight> Highlights)
{
    /// <summary>
    /// The first <paramref name="max"/> sentences holding <paramref name="mentions"/> (which come title first, in reading
    /// order), each once, with every hit in it.
    /// </summary>
    public static IReadOnlyList<HighlightedSnippet> From(IEnumerable<Mention> mentions, int max)
    {
        var snippets = new List<HighlightedSnippet>();
        foreach (var sentence in mentions.GroupBy(m => (m.Field, m.Start - m.SnippetOffset, m.Snippet)).Take(max))
        {
            var highlights = sentence.Select(m => new Highlight(m.SnippetOffset, m.Length)).Distinct().OrderBy(h => h.Offset).ThenByDescending(h => h.Length).ToList();
            snippets.Add(new HighlightedSnippet(sentence.Key.Field, sentence.Key.Snippet, highlights));
        }

        return snippets;
    }
}
