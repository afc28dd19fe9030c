using NewsMonitor.Articles;

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
    // Most articles use no name as a word, and then nothing here is read: the hits are only listed, and whether a
    // capitalised one stands in a styled sentence is asked in the rare article that needs to know. The lists are a
    // thread's, reused from article to article (see MatchScratch).
    private readonly HashSet<int> words = [];
    private readonly List<int> names = [];
    private readonly List<(int Figure, Hit Hit)> capitalised = [];
    private readonly List<(int Figure, Hit Hit)> ambiguous = [];

    /// <summary>Forgets the article before, for the next one.</summary>
    public void Start()
    {
        MatchScratch.Empty(words);
        MatchScratch.Empty(names);
        MatchScratch.Empty(capitalised);
        MatchScratch.Empty(ambiguous);
    }

    public void UsedAsWord(int figure) => words.Add(figure);

    public void Found(int figure, Hit hit, NameEvidence evidence)
    {
        if (evidence == NameEvidence.Name)
        {
            names.Add(figure);
        }
        else if (evidence == NameEvidence.Capitalised)
        {
            capitalised.Add((figure, hit));
        }
        else if (evidence == NameEvidence.Ambiguous)
        {
            ambiguous.Add((figure, hit));
        }
    }

    /// <summary>Removes the ambiguous hits of every figure <paramref name="article"/> uses only as a common word.</summary>
    public void Settle(ArticleText article, Dictionary<int, List<Hit>> figureHits)
    {
        if (words.Count == 0)
        {
            return;
        }

        var doubtful = ambiguous.Where(found => words.Contains(found.Figure)).ToList();
        var named = new HashSet<int>(names);
        foreach (var found in capitalised)
        {
            if (!words.Contains(found.Figure) || named.Contains(found.Figure))
            {
                continue;
            }

            var text = found.Hit.Field == TextField.Title ? article.Title : article.Body;
            if (NameCasing.IsStyled(text, found.Hit.Start, found.Hit.Start + found.Hit.Length))
            {
                doubtful.Add(found);
            }
            else
            {
                named.Add(found.Figure);
            }
        }

        foreach (var (figure, hit) in doubtful)
        {
            if (!named.Contains(figure) && figureHits.TryGetValue(figure, out var hits))
            {
                hits.Remove(hit);
                if (hits.Count == 0)
                {
                    figureHits.Remove(figure);
                }
            }
        }
    }
}
