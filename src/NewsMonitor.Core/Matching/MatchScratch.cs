namespace NewsMonitor.Matching;

/// <summary>
/// A thread's working memory for matching one article at a time: the automaton's, the figure candidates of a field, and
/// the article's hit tables. Reused from article to article, so a watchlist that finds thousands of names per megabyte
/// does not regrow them for each article.
/// </summary>
internal sealed class MatchScratch
{
    /// <summary>Entries each table keeps between articles: a freak article's thousands are given back, a news article's fit.</summary>
    private const int KeptCapacity = 1024;

    public AutomatonScratch Automaton { get; } = new();

    /// <summary>One field's figure names found, before the longest wins; cleared for each field.</summary>
    public List<FigureCandidate> Candidates { get; } = [];

    /// <summary>The article's figure hits by the figure's place in the watchlist; cleared for each article.</summary>
    public Dictionary<int, List<Hit>> FigureHits { get; } = [];

    /// <summary>The article's query-term hits by term index; cleared for each article.</summary>
    public Dictionary<int, List<Hit>> TermHits { get; } = [];

    /// <summary>The hits kept as the article's mentions, before they are put in reading order; cleared for each article.</summary>
    public List<KeptHit> Mentions { get; } = [];

    /// <summary>Empties the tables for the next article.</summary>
    public void StartArticle()
    {
        Empty(FigureHits);
        Empty(TermHits);
        Empty(Candidates);
        Empty(Mentions);
    }

    private static void Empty<T>(List<T> list)
    {
        list.Clear();
        if (list.Capacity > KeptCapacity)
        {
            list.Capacity = KeptCapacity;
        }
    }

    private static void Empty<TKey>(Dictionary<TKey, List<Hit>> table)
        where TKey : notnull
    {
        table.Clear();
        if (table.EnsureCapacity(0) > KeptCapacity)
        {
            table.TrimExcess(KeptCapacity);
        }
    }
}

/// <summary>A figure name (or excluded phrase) of <see cref="WordCount"/> words found at [<see cref="Start"/>, <see cref="End"/>), with what its case says.</summary>
internal readonly record struct FigureCandidate(int Start, int End, int WordCount, TermOwner Owner, NameEvidence Evidence);
