using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using NewsMonitor.Matching;
using NewsMonitor.Tests.Corpora;
using Xunit.Abstractions;

namespace NewsMonitor.Tests.Matching;

/// <summary>
/// The matcher at the watchlist sizes of <c>MatcherScaleBenchmarks</c>, on every distinct text of <see cref="LargeCorpus"/>:
/// the automaton against a reference written without it (the tokenizer's folded words, looked up word by word), and the
/// whole result of <see cref="MentionMatcher"/> against the one stored in <c>TestData/MatcherAtScale/expected.tsv</c>.
/// Whatever representation the automaton picks per size, what it finds must not change.
/// </summary>
public sealed class MatcherAtScaleTests(ITestOutputHelper output)
{
    /// <summary>Set to 1 to rewrite <c>expected.tsv</c> from today's matcher (then read the diff before committing it).</summary>
    public const string WriteExpectationVariable = "NEWSMONITOR_WRITE_SCALE_EXPECTATION";

    private const int ExpectationSize = 10_000;

    /// <summary>Every how-many-th distinct text the stored expectation covers: a sample that keeps the file small.</summary>
    private const int ExpectationSampleStep = 4;

    /// <summary>
    /// Terms the generated watchlists lack, each a quirk of folding or of the automaton's encoding: prefixes (one word and
    /// the last of two), digits, scripts other than Latin, and characters that fold to several (ß, ligatures).
    /// </summary>
    private static readonly (string Quirk, string Text, bool Prefix)[] QuirkTerms =
    [
        ("prefix", "sanction", true), ("prefix", "russ", true), ("prefix", "climat", true), ("prefix", "presiden", true),
        ("prefix", "european uni", true), ("prefix", "white hou", true),
        ("digits", "G7", false), ("digits", "COVID-19", false), ("digits", "2019", false), ("digits", "5G", false),
        ("digits", "Windows 10", false), ("digits", "iPhone 11", false),
        ("non-Latin", "Москва", false), ("non-Latin", "России", false), ("non-Latin", "Путин", false), ("non-Latin", "Владимир Путин", false),
        ("non-Latin", "東京", false), ("non-Latin", "پاکستان", false), ("non-Latin", "عمران خان", false), ("non-Latin", "Україна", false),
        ("folds to several", "Straße", false), ("folds to several", "strasse", false), ("folds to several", "Weiß", false),
        ("folds to several", "Fußball", false), ("folds to several", "Gauß", false), ("folds to several", "ﬁnance", false),
    ];

    public static TheoryData<int> Sizes => [10_000, 100_000];

    [CorpusTheory(SharedCorpus.ArticleExtraction)]
    [MemberData(nameof(Sizes))]
    public void TheAutomatonFindsExactlyWhatTheReferenceFindsOnTheCorpus(int size)
    {
        var terms = ScaleWatchlist.Create(size).Terms.Select(t => (Quirk: "name", t.Text, t.Prefix)).Concat(QuirkTerms).ToList();
        var quirksFrom = terms.Count - QuirkTerms.Length;
        var patterns = terms.Select(t => new AutomatonPattern(Tokenizer.FoldedWords(t.Text), t.Prefix)).ToList();
        var automaton = new TermAutomaton(patterns);
        var reference = new ReferenceMatcher(patterns);
        var scratch = new AutomatonScratch();

        var differences = new List<string>();
        var found = 0;
        var verified = 0;
        var quirkHits = new Dictionary<string, int>();
        foreach (var article in LargeCorpus.Distinct)
        {
            foreach (var (field, text) in new[] { ("title", article.Text.Title), ("body", article.Text.Body) })
            {
                var actual = AutomatonHits(automaton, patterns, text, scratch, ref verified);
                var expected = reference.Find(text);
                found += expected.Count;
                foreach (var hit in expected.Where(h => h.Pattern >= quirksFrom))
                {
                    quirkHits[terms[hit.Pattern].Text] = quirkHits.GetValueOrDefault(terms[hit.Pattern].Text) + 1;
                }

                differences.AddRange(expected.Except(actual).Select(h => $"missed {Describe(article.Id, field, text, h, terms)}"));
                differences.AddRange(actual.Except(expected).Select(h => $"extra {Describe(article.Id, field, text, h, terms)}"));
            }
        }

        output.WriteLine($"{size:N0} terms: {found:N0} occurrences, {verified:N0} of them verified against the text; quirk terms found: {string.Join(", ", quirkHits.Select(q => $"{q.Key} {q.Value:N0}"))}");
        Assert.True(differences.Count == 0, $"{differences.Count} differences from the reference, first ones:\n{string.Join('\n', differences.Take(20))}");
        Assert.True(found > 10_000 && verified > 0, $"the corpus should give the {size:N0} terms many occurrences and some verified ones: {found}, {verified}");
        Assert.All(QuirkTerms.GroupBy(q => q.Quirk), quirk => Assert.True(quirk.Any(q => quirkHits.ContainsKey(q.Text)), $"no {quirk.Key} term occurs in the corpus"));
    }

    [CorpusFact(SharedCorpus.ArticleExtraction)]
    public void TheWholeResultAtTenThousandTermsEqualsTheStoredExpectation()
    {
        var matcher = new MentionMatcher(ScaleWatchlist.Create(ExpectationSize).Watchlist);

        var actual = LargeCorpus.Distinct.Where((_, i) => i % ExpectationSampleStep == 0).SelectMany(article => Lines(article.Id, matcher.Match(article.Text))).ToList();

        var writing = Environment.GetEnvironmentVariable(WriteExpectationVariable) == "1";
        if (writing)
        {
            File.WriteAllLines(ExpectationSourcePath(), actual);
        }

        var expected = File.ReadAllLines(writing ? ExpectationSourcePath() : TestFiles.PathOf("MatcherAtScale/expected.tsv"));
        var missing = expected.Except(actual).Take(10).Select(l => "missing: " + l);
        var extra = actual.Except(expected).Take(10).Select(l => "extra:   " + l);
        output.WriteLine($"{actual.Count(l => l.Contains("\tentity\t", StringComparison.Ordinal)):N0} entity matches, {actual.Count(l => l.Contains("\tmention\t", StringComparison.Ordinal)):N0} mentions");
        Assert.True(expected.SequenceEqual(actual), $"the result differs from expected.tsv ({expected.Length} lines, now {actual.Count}); rerun with {WriteExpectationVariable}=1 only for an intended change:\n{string.Join('\n', missing.Concat(extra))}");
        Assert.True(expected.Length > 1_000, "the stored expectation should hold many mentions");
    }

    private static HashSet<(int Pattern, int Start, int End)> AutomatonHits(TermAutomaton automaton, List<AutomatonPattern> patterns, string text, AutomatonScratch scratch, ref int verified)
    {
        automaton.Scan(text, scratch);
        var hits = new HashSet<(int, int, int)>();
        for (var h = 0; h < scratch.Hits.Count; h++)
        {
            foreach (var id in automaton.OutputsOf(scratch.Hits.StateAt(h)))
            {
                var pattern = new TermPattern(patterns[id].Words, null, patterns[id].Prefix, new TermOwner(-1, 0, false, 0));
                var (start, end) = TermIndex.Span(text, scratch.Hits.PositionAt(h), pattern);

                // A verified pattern's hit is a candidate: kept, as TermIndex keeps it, only if the span folds to its words.
                if (automaton.NeedsVerification(id))
                {
                    var words = Tokenizer.FoldedWords(text[start..end]);
                    if (words.Length != patterns[id].Words.Length || !ReferenceMatcher.Matches(words, 0, patterns[id]))
                    {
                        continue;
                    }

                    verified++;
                }

                hits.Add((id, start, end));
            }
        }

        return hits;
    }

    private static string Describe(string article, string field, string text, (int Pattern, int Start, int End) hit, List<(string Quirk, string Text, bool Prefix)> terms)
        => $"{terms[hit.Pattern].Text}{(terms[hit.Pattern].Prefix ? "*" : "")} at {article} {field} {hit.Start}..{hit.End} \"{text[hit.Start..hit.End]}\"";

    /// <summary>One line per entity (id, count, score) and per mention (entity, term, where, snippet bounds), in result order.</summary>
    private static IEnumerable<string> Lines(string article, MatchResult result)
        => result.Entities.Select(e => string.Create(CultureInfo.InvariantCulture, $"{article}\tentity\t{e.Id}\t{e.Kind}\t{e.Count}\t{e.Score:F6}"))
            .Concat(result.Mentions.Select(m => string.Create(CultureInfo.InvariantCulture, $"{article}\tmention\t{m.EntityId}\t{m.Term}\t{m.Field}\t{m.Start}\t{m.Length}\t{m.SnippetOffset}\t{m.Snippet.Length}")));

    private static string ExpectationSourcePath([CallerFilePath] string thisFile = "")
        => Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "TestData", "MatcherAtScale", "expected.tsv");

    /// <summary>
    /// Finds patterns the plain way: tokenize, then at each word look up the patterns that start with it (a prefix
    /// pattern of one word under each start of the word), and compare the words that follow.
    /// </summary>
    private sealed class ReferenceMatcher
    {
        private readonly List<AutomatonPattern> patterns;
        private readonly Dictionary<string, List<int>> byFirstWord = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> byPrefix = new(StringComparer.Ordinal);

        public ReferenceMatcher(List<AutomatonPattern> patterns)
        {
            this.patterns = patterns;
            for (var id = 0; id < patterns.Count; id++)
            {
                var words = patterns[id].Words.Span;
                var index = patterns[id].Prefix && words.Length == 1 ? byPrefix : byFirstWord;
                if (!index.TryGetValue(words[0], out var ids))
                {
                    index[words[0]] = ids = [];
                }

                ids.Add(id);
            }
        }

        public static bool Matches(IReadOnlyList<string> words, int at, AutomatonPattern pattern)
        {
            if (at + pattern.Words.Length > words.Count)
            {
                return false;
            }

            var expected = pattern.Words.Span;
            for (var k = 0; k < expected.Length; k++)
            {
                var last = k == expected.Length - 1;
                if (!(pattern.Prefix && last ? words[at + k].StartsWith(expected[k], StringComparison.Ordinal) : words[at + k] == expected[k]))
                {
                    return false;
                }
            }

            return true;
        }

        public HashSet<(int Pattern, int Start, int End)> Find(string text)
        {
            var tokens = Tokenizer.Tokenize(text);
            var words = tokens.Select(t => t.Folded).ToList();
            var starts = tokens.Select(t => StartWithJoiners(text, t.Start)).ToList();
            var hits = new HashSet<(int, int, int)>();
            var prefixes = byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var i = 0; i < tokens.Count; i++)
            {
                if (byFirstWord.TryGetValue(words[i], out var ids))
                {
                    foreach (var id in ids.Where(id => Matches(words, i, patterns[id])))
                    {
                        var last = tokens[i + patterns[id].Words.Length - 1];
                        hits.Add((id, starts[i], last.Start + last.Length));
                    }
                }

                for (var length = 1; length <= words[i].Length; length++)
                {
                    if (prefixes.TryGetValue(words[i].AsSpan(0, length), out var prefixIds))
                    {
                        foreach (var id in prefixIds)
                        {
                            hits.Add((id, starts[i], tokens[i].Start + tokens[i].Length));
                        }
                    }
                }
            }

            return hits;
        }

        /// <summary>
        /// Where a mention of a word starts: a token starts at its first visible character, but a mention also covers the
        /// joiners (soft hyphen, zero-width space) right before it, as <see cref="TermIndex.Span"/> reports it.
        /// </summary>
        private static int StartWithJoiners(string text, int start)
        {
            while (start > 0 && CharFolding.IsJoiner(text[start - 1]))
            {
                start--;
            }

            return start;
        }
    }
}
