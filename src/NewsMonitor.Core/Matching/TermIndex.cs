using NewsMonitor.Watchlists;
using NewsMonitor.Watchlists.Queries;

namespace NewsMonitor.Matching;

/// <summary>
/// Every name and query term of a watchlist in one <see cref="TermAutomaton"/>, so one pass over a text finds them all;
/// then figure names are resolved (the longest name wins, excluded phrases suppress) and query terms keep every hit.
/// </summary>
internal sealed class TermIndex
{
    private readonly TermPattern[] patterns;
    private readonly List<string> terms = [];
    private readonly TermAutomaton automaton;

    /// <param name="queryLeaves">The leaves of each topic's and alert rule's query, in the watchlist's order.</param>
    /// <param name="leaves">Receives the query-term index of every term node.</param>
    public TermIndex(Watchlist watchlist, QueryNode[][] queryLeaves, QueryLeaves leaves)
    {
        var atMost = queryLeaves.Sum(leavesOfOne => leavesOfOne.Length);
        foreach (var figure in watchlist.Figures)
        {
            atMost += 1 + figure.Aliases.Count + figure.CaseSensitive.Count + figure.Exclude.Count;
        }

        var builder = new PatternBuilder(terms, atMost);
        for (var ordinal = 0; ordinal < watchlist.Figures.Count; ordinal++)
        {
            var figure = watchlist.Figures[ordinal];
            foreach (var name in figure.Names)
            {
                builder.Name(ordinal, name);
            }

            foreach (var name in figure.CaseSensitive)
            {
                builder.CaseSensitiveName(ordinal, name);
            }

            foreach (var phrase in figure.Exclude)
            {
                builder.Exclusion(ordinal, phrase);
            }
        }

        foreach (var leaf in queryLeaves.SelectMany(leavesOfOne => leavesOfOne))
        {
            if (leaf is TermNode term)
            {
                leaves.Terms[term] = builder.QueryTerm(term.Text, term.Prefix);
            }
        }

        QueryTermCount = builder.QueryTermCount;
        patterns = builder.Build();
        automaton = new TermAutomaton(Array.ConvertAll(patterns, p => new AutomatonPattern(p.Words, p.Prefix)));
    }

    public int QueryTermCount { get; }

    public int PatternCount => patterns.Length;

    public TermAutomaton Automaton => automaton;

    /// <summary>The term as the watchlist writes it, by the number a <see cref="Hit"/> carries.</summary>
    public string Term(int term) => terms[term];

    /// <summary>Finds figure mentions (longest name wins, exclusions suppress) and every occurrence of every query term in one field.</summary>
    /// <remarks>
    /// A figure name written with capitals is dropped where the text uses it as a common word, and recorded in the
    /// scratch's <see cref="MatchScratch.Casing"/> where the case proves nothing, for the article as a whole to decide.
    /// </remarks>
    public void Scan(TextField field, string text, MatchScratch scratch)
    {
        automaton.Scan(text, scratch.Automaton);
        var hits = scratch.Automaton.Hits;
        var candidates = scratch.Candidates;
        var termHits = scratch.TermHits;
        candidates.Clear();
        for (var h = 0; h < hits.Count; h++)
        {
            var position = hits.PositionAt(h);
            foreach (var id in automaton.OutputsOf(hits.StateAt(h)))
            {
                ref readonly var pattern = ref patterns[id];
                var (start, end) = Span(text, position, pattern, out var missingCapital);
                if (automaton.NeedsVerification(id) && !SpanWords.FoldTo(text.AsSpan(start, end - start), pattern.Words.Span, pattern.Prefix))
                {
                    continue;
                }

                if (pattern.ExactWords is { } exact && !SpanWords.AreExactly(text.AsSpan(start, end - start), exact))
                {
                    continue;
                }

                if (pattern.Owner.IsFigure)
                {
                    var evidence = pattern.CapitalWords is { } capitals ? NameCasing.Judge(text, start, end, capitals, missingCapital) : NameEvidence.Name;
                    if (evidence == NameEvidence.Word)
                    {
                        scratch.Casing.UsedAsWord(pattern.Owner.Figure);
                        continue;
                    }

                    candidates.Add(new FigureCandidate(start, end, pattern.WordCount, pattern.Owner, evidence));
                }
                else
                {
                    if (!termHits.TryGetValue(pattern.Owner.QueryTermIndex, out var found))
                    {
                        termHits[pattern.Owner.QueryTermIndex] = found = scratch.NewHits();
                    }

                    found.Add(new Hit(field, start, end - start, pattern.WordCount, pattern.Owner.Term));
                }
            }
        }

        if (candidates.Count > 0)
        {
            ResolveFigures(field, scratch);
        }
    }

    /// <summary>Earliest start first; at one start the most words, a name before an excluded phrase of the same length.</summary>
    private static void ResolveFigures(TextField field, MatchScratch scratch)
    {
        var candidates = scratch.Candidates;
        var figureHits = scratch.FigureHits;
        var casing = scratch.Casing;
        // Hits arrive in the order their ends are found, which is this order unless names overlap; checking is cheaper than
        // sorting. Equal keys (two figures sharing a name) are left to the sort, which decides them as it always has.
        if (!IsStrictlyOrdered(candidates))
        {
            candidates.Sort(CandidateOrder);
        }

        var blockedUntil = 0;
        foreach (var (start, end, wordCount, owner, evidence) in candidates)
        {
            if (start < blockedUntil)
            {
                continue;
            }

            blockedUntil = end;
            if (owner.IsExclusion)
            {
                continue;
            }

            var figure = owner.Figure;
            if (!figureHits.TryGetValue(figure, out var list))
            {
                figureHits[figure] = list = scratch.NewHits();
            }

            var hit = new Hit(field, start, end - start, wordCount, owner.Term);
            list.Add(hit);
            casing.Found(figure, hit, evidence);
        }
    }

    private static bool IsStrictlyOrdered(List<FigureCandidate> candidates)
    {
        for (var i = 1; i < candidates.Count; i++)
        {
            if (CandidateOrder(candidates[i - 1], candidates[i]) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int CandidateOrder(FigureCandidate a, FigureCandidate b)
        => a.Start != b.Start ? a.Start.CompareTo(b.Start)
        : a.WordCount != b.WordCount ? b.WordCount.CompareTo(a.WordCount)
        : a.Owner.IsExclusion.CompareTo(b.Owner.IsExclusion);

    /// <summary>
    /// The characters a match covers. A whole-word pattern is reported at the separator after its last word, a prefix
    /// pattern at the character that completed it; either way the span runs back over the pattern's words.
    /// </summary>
    internal static (int Start, int End) Span(ReadOnlySpan<char> text, int position, in TermPattern pattern) => Span(text, position, pattern, out _);

    /// <param name="missingCapital">
    /// For a pattern with <see cref="TermPattern.CapitalWords"/>: whether a word it writes with a capital has no
    /// upper-case letter in the text. The walk back over the words tells it, so the case costs no second walk.
    /// </param>
    private static (int Start, int End) Span(ReadOnlySpan<char> text, int position, in TermPattern pattern, out bool missingCapital)
    {
        var end = position;
        if (pattern.Prefix)
        {
            end = position + 1;
            while (end < text.Length && CharFolding.IsInWord(text, end))
            {
                end++;
            }
        }

        var capitals = pattern.CapitalWords;
        missingCapital = false;
        var start = end;
        for (var w = 0; w < pattern.WordCount; w++)
        {
            while (w > 0 && start > 0 && !CharFolding.IsInWord(text, start - 1))
            {
                start--;
            }

            var upper = false;
            while (start > 0 && CharFolding.IsInWord(text, start - 1))
            {
                start--;
                upper |= capitals is not null && char.IsUpper(text[start]);
            }

            missingCapital |= capitals is not null && capitals[pattern.WordCount - 1 - w] && !upper;
        }

        return (start, end);
    }
}
