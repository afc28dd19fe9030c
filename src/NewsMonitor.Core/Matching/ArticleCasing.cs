namespace NewsMonitor.Matching;

/// <summary>
/// What one article's case says about each figure name, gathered over title and body: where a name's case proves
/// nothing (a sentence's first word, a shouted or title-cased headline), the rest of the article decides.
/// </summary>
/// <remarks>
/// An ambiguous occurrence is dropped only when the article also uses the name as a common word ("Brown rice is cheap.
/// Cook the brown rice…") and never capitalises it where a capital means a name. So "Trump said…" opening a short
/// summary still counts: news writes names at the start of sentences far more often than it starts them with "trump".
/// </remarks>
internal sealed class ArticleCasing
{
    // Most articles use no name as a word, so the figures written as names are only listed here, and looked up in a set
    // in the rare article that needs it.
    private List<string>? names;
    private HashSet<string>? words;
    private List<(string FigureId, Hit Hit)>? ambiguous;

    public void UsedAsWord(string figureId) => (words ??= new(StringComparer.Ordinal)).Add(figureId);

    public void Found(string figureId, Hit hit, NameEvidence evidence)
    {
        if (evidence == NameEvidence.Name)
        {
            (names ??= []).Add(figureId);
        }
        else if (evidence == NameEvidence.Ambiguous)
        {
            (ambiguous ??= []).Add((figureId, hit));
        }
    }

    /// <summary>Removes the ambiguous hits of every figure this article uses only as a common word.</summary>
    public void Settle(Dictionary<string, List<Hit>> figureHits)
    {
        if (words is null || ambiguous is null)
        {
            return;
        }

        var named = names is null ? null : new HashSet<string>(names, StringComparer.Ordinal);
        foreach (var (figureId, hit) in ambiguous)
        {
            if (words.Contains(figureId) && named?.Contains(figureId) != true && figureHits.TryGetValue(figureId, out var hits))
            {
                hits.Remove(hit);
                if (hits.Count == 0)
                {
                    figureHits.Remove(figureId);
                }
            }
        }
    }
}
