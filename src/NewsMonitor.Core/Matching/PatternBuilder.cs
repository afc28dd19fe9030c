namespace NewsMonitor.Matching;

/// <summary>
/// Gathers a watchlist's patterns for <see cref="TermIndex"/>: every pattern's words in one array, each distinct word and
/// each capitals pattern once, and one number for each term as written, however many patterns write it.
/// </summary>
/// <remarks>
/// At 100,000 names a build still allocating meets the collector once or twice; what it must then copy is a string per
/// distinct word, where an array and fresh strings per name made it several objects per name.
/// </remarks>
internal sealed class PatternBuilder
{
    /// <summary>Capitals patterns are shared by their words' count and a bit per word; longer names keep their own.</summary>
    private const int MaxSharedCapitals = 31;

    /// <summary>Words a name has, for sizing: most have two, and a longer list grows once.</summary>
    private const int WordsPerName = 2;

    private readonly List<string> terms;
    private readonly List<string> words;
    private readonly List<bool> capitals = [];
    private readonly List<Pending> pending;
    private readonly Dictionary<string, string> distinctWords = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Words, int Capitals), bool[]> distinctCapitals = [];
    private readonly Dictionary<string, int> termNumbers;
    private readonly Dictionary<string, int> wholeWordQueryTerms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> prefixQueryTerms = new(StringComparer.Ordinal);
    private readonly Func<ReadOnlySpan<char>, string> intern;

    /// <param name="terms">Receives each term as written, at its number.</param>
    /// <param name="atMost">
    /// How many names, phrases and query terms will be added, at most. The lists are sized for them once: grown by
    /// doubling, at 100,000 names they left 14 MB of copies behind, large arrays whose every fresh page the build paid for.
    /// </param>
    public PatternBuilder(List<string> terms, int atMost)
    {
        this.terms = terms;
        terms.EnsureCapacity(atMost);
        words = new(WordsPerName * atMost);
        pending = new(atMost);
        termNumbers = new(atMost, StringComparer.Ordinal);
        var known = distinctWords.GetAlternateLookup<ReadOnlySpan<char>>();
        intern = word =>
        {
            if (!known.TryGetValue(word, out var text))
            {
                text = word.ToString();
                distinctWords[text] = text;
            }

            return text;
        };
    }

    /// <summary>A figure's name: where the watchlist writes it with capitals, the text must write it as a name.</summary>
    public void Name(int figure, string name) => Add(name, new TermOwner(figure, Term(name), false, -1), prefix: false, exactWords: null, capitalised: true);

    /// <summary>A figure's name that matches only in exactly this spelling.</summary>
    public void CaseSensitiveName(int figure, string name)
    {
        var exactWords = Tokenizer.ExactWords(name);
        Add(name, new TermOwner(figure, Term(name), false, -1), prefix: false, exactWords, capitalised: false);
    }

    /// <summary>A phrase that is not the figure where it covers one of its names.</summary>
    public void Exclusion(int figure, string phrase) => Add(phrase, new TermOwner(figure, Term(phrase), true, -1), prefix: false, exactWords: null, capitalised: false);

    /// <summary>The distinct query terms so far.</summary>
    public int QueryTermCount => wholeWordQueryTerms.Count + prefixQueryTerms.Count;

    /// <summary>A query's term: its index among the watchlist's distinct query terms, its pattern added the first time.</summary>
    public int QueryTerm(string text, bool prefix)
    {
        var known = prefix ? prefixQueryTerms : wholeWordQueryTerms;
        if (!known.TryGetValue(text, out var index))
        {
            known[text] = index = QueryTermCount;
            Add(text, new TermOwner(-1, Term(prefix ? text + "*" : text), false, index), prefix, exactWords: null, capitalised: false);
        }

        return index;
    }

    /// <summary>The patterns in the order they were added; a name without words has none.</summary>
    public TermPattern[] Build()
    {
        var all = words.ToArray();
        var patterns = new TermPattern[pending.Count];
        for (var i = 0; i < patterns.Length; i++)
        {
            var (start, count, exactWords, prefix, owner, capitalWords) = pending[i];
            patterns[i] = new TermPattern(all.AsMemory(start, count), exactWords, prefix, owner) { CapitalWords = capitalWords };
        }

        return patterns;
    }

    private int Term(string text)
    {
        if (!termNumbers.TryGetValue(text, out var number))
        {
            termNumbers[text] = number = terms.Count;
            terms.Add(text);
        }

        return number;
    }

    private void Add(string text, TermOwner owner, bool prefix, string[]? exactWords, bool capitalised)
    {
        var start = words.Count;
        capitals.Clear();
        var count = Tokenizer.AppendFoldedWords(text, words, capitalised ? capitals : null, intern);
        if (count > 0)
        {
            pending.Add(new Pending(start, count, exactWords, prefix, owner, capitalised ? Capitals() : null));
        }
    }

    /// <summary>The words of the name just added that carry a capital, shared with every name of the same pattern; null when none does.</summary>
    private bool[]? Capitals()
    {
        if (!capitals.Contains(true))
        {
            return null;
        }

        if (capitals.Count > MaxSharedCapitals)
        {
            return [.. capitals];
        }

        var mask = 0;
        for (var i = 0; i < capitals.Count; i++)
        {
            mask |= capitals[i] ? 1 << i : 0;
        }

        return distinctCapitals.TryGetValue((capitals.Count, mask), out var known) ? known : distinctCapitals[(capitals.Count, mask)] = [.. capitals];
    }

    private readonly record struct Pending(int Start, int Count, string[]? ExactWords, bool Prefix, TermOwner Owner, bool[]? CapitalWords);
}
