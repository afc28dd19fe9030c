using NewsMonitor.Watchlists;
using NewsMonitor.Watchlists.Queries;

namespace NewsMonitor.Matching;

/// <summary>Every name and query term of a watchlist, indexed by first word so one pass over a text's words finds them all.</summary>
internal sealed class TermIndex
{
    private readonly Dictionary<string, List<TermPattern>> byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TermPattern>> byPrefix = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Text, bool Prefix), int> queryTerms = [];
    private readonly int[] prefixLengths;

    public TermIndex(Watchlist watchlist)
    {
        foreach (var figure in watchlist.Figures)
        {
            foreach (var name in figure.Names)
            {
                Add(Tokenizer.FoldedWords(name), caseSensitive: false, prefix: false, new TermOwner(figure.Id, name, false, -1));
            }

            foreach (var name in figure.CaseSensitive)
            {
                Add(Tokenizer.ExactWords(name), caseSensitive: true, prefix: false, new TermOwner(figure.Id, name, false, -1));
            }

            foreach (var phrase in figure.Exclude)
            {
                Add(Tokenizer.FoldedWords(phrase), caseSensitive: false, prefix: false, new TermOwner(figure.Id, phrase, true, -1));
            }
        }

        foreach (var entity in watchlist.Topics.Concat(watchlist.Alerts))
        {
            foreach (var term in QueryNode.Leaves(entity.Query).OfType<TermNode>())
            {
                var key = (term.Text, term.Prefix);
                if (!queryTerms.ContainsKey(key))
                {
                    var index = queryTerms.Count;
                    queryTerms[key] = index;
                    Add(Tokenizer.FoldedWords(term.Text), caseSensitive: false, term.Prefix, new TermOwner(null, term.Prefix ? term.Text + "*" : term.Text, false, index));
                }
            }
        }

        prefixLengths = byPrefix.Keys.Select(k => k.Length).Distinct().Order().ToArray();
    }

    public int QueryTermCount => queryTerms.Count;

    public int QueryTermIndex(TermNode term) => queryTerms[(term.Text, term.Prefix)];

    /// <summary>Finds figure mentions (longest name wins, exclusions suppress) and every occurrence of every query term.</summary>
    public void Scan(TextField field, List<Token> tokens, Dictionary<string, List<Hit>> figureHits, List<Hit>[] termHits)
    {
        var figureBlockedUntil = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            TermPattern? bestFigure = null;
            foreach (var pattern in Candidates(tokens[i].Folded))
            {
                if (!Matches(pattern, tokens, i))
                {
                    continue;
                }

                var hit = ToHit(field, tokens, i, pattern);
                if (!pattern.Owner.IsFigure)
                {
                    termHits[pattern.Owner.QueryTermIndex].Add(hit);
                }
                else if (i >= figureBlockedUntil && IsBetter(pattern, bestFigure))
                {
                    bestFigure = pattern;
                }
            }

            if (bestFigure is not null)
            {
                figureBlockedUntil = i + bestFigure.Words.Length;
                if (!bestFigure.Owner.IsExclusion)
                {
                    var figureId = bestFigure.Owner.FigureId!;
                    if (!figureHits.TryGetValue(figureId, out var hits))
                    {
                        figureHits[figureId] = hits = [];
                    }

                    hits.Add(ToHit(field, tokens, i, bestFigure));
                }
            }
        }
    }

    private IEnumerable<TermPattern> Candidates(string word)
    {
        if (byFirstWord.TryGetValue(word, out var patterns))
        {
            foreach (var pattern in patterns)
            {
                yield return pattern;
            }
        }

        foreach (var length in prefixLengths)
        {
            if (length > word.Length)
            {
                yield break;
            }

            if (byPrefix.TryGetValue(word[..length], out var prefixed))
            {
                foreach (var pattern in prefixed)
                {
                    yield return pattern;
                }
            }
        }
    }

    private static bool IsBetter(TermPattern candidate, TermPattern? best)
        => best is null
            || candidate.Words.Length > best.Words.Length
            || (candidate.Words.Length == best.Words.Length && best.Owner.IsExclusion && !candidate.Owner.IsExclusion);

    private static bool Matches(TermPattern pattern, List<Token> tokens, int start)
    {
        var words = pattern.Words;
        if (start + words.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            var token = tokens[start + k];
            var text = pattern.CaseSensitive ? token.Exact : token.Folded;
            var isLast = k == words.Length - 1;
            var ok = pattern.Prefix && isLast
                ? text.StartsWith(words[k], StringComparison.Ordinal)
                : string.Equals(text, words[k], StringComparison.Ordinal);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static Hit ToHit(TextField field, List<Token> tokens, int index, TermPattern pattern)
    {
        var first = tokens[index];
        var last = tokens[index + pattern.Words.Length - 1];
        return new Hit(field, index, pattern.Words.Length, first.Start, last.Start + last.Length - first.Start, pattern.Owner.Term);
    }

    private void Add(string[] words, bool caseSensitive, bool prefix, TermOwner owner)
    {
        if (words.Length == 0)
        {
            return;
        }

        var pattern = new TermPattern(words, caseSensitive, prefix, owner);
        var singleWordPrefix = prefix && words.Length == 1;
        var index = singleWordPrefix ? byPrefix : byFirstWord;
        var key = singleWordPrefix || !caseSensitive ? words[0] : Tokenizer.FoldedWords(words[0])[0];
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(pattern);
    }
}
