using System.Text;
using NewsMonitor.Matching;

namespace NewsMonitor.Tests.Matching;

/// <summary>
/// The automaton against a plain reference — compare the folded words of the tokenizer at every position — on random
/// texts long enough for the four interleaved segments, short and long, with the quirks that can break them: runs of separators longer
/// than the warm-up, joiners inside words, characters that fold to two, letters outside the BMP, all-caps words. Each
/// runs with the default full rows, with only the root's (or the first two states') row full, and with a few dozen full
/// rows for the states the most terms share, whose failure links then lead to sparse rows: so the sparse rows and their
/// failure links are walked where a small watchlist would never reach them.
/// </summary>
public sealed class TermAutomatonTests
{
    private static readonly string[] Vocabulary =
    [
        "Putin", "PUTIN", "putin’s", "Vladimir", "Donald", "Trump", "trumpet", "Trumpington", "Straße", "strasse", "Erdoğan", "Erdogan",
        "sanction", "sanctions", "sanctioned", "Pu\u00ADtin", "the", "a", "of", "Black", "Sea", "black-sea", "𝐓𝐫𝐮𝐦𝐩", "ﬁnance", "finance", "U.S.",
        "Russia", "Russia’s", "peace", "deal", "ceasefire", "1999", "Ⅻ", "café", "cafe",
    ];

    private static readonly string[] Separators = [" ", " ", " ", ", ", ". ", " – ", "\n\n", " (", ") ", "\u00A0", " \"", "/", "-"];

    private static readonly (string Text, bool Prefix)[] Terms =
    [
        ("Putin", false), ("Vladimir Putin", false), ("Donald Trump", false), ("Trump", false), ("trump", true), ("strasse", false),
        ("Erdogan", false), ("sanction", true), ("black sea", false), ("finance", false), ("US", false), ("Russia", false),
        ("peace deal", false), ("the black", false), ("cafe", false), ("s", false), ("a", false), ("1999", false), ("xii", false),
    ];

    public static TheoryData<int, int> SeedsAndFullRows()
    {
        var data = new TheoryData<int, int>();
        foreach (var seed in new[] { 1, 2, 3, 4, 5, 6, 7, 8 })
        {
            foreach (var denseSlots in new[] { AutomatonTables.DenseSlots, 1, 64, 512 })
            {
                data.Add(seed, denseSlots);
            }
        }

        return data;
    }

    public static TheoryData<int> FullRows => [AutomatonTables.DenseSlots, 1, 64, 512];

    [Theory]
    [MemberData(nameof(SeedsAndFullRows))]
    public void FindsExactlyWhatTheTokenizerFindsOnInterleavedTexts(int seed, int denseSlots)
    {
        // Segments shorter than the warm-up, a little longer, and far longer.
        var length = new[] { 6000, 300, 900, 6000 }[seed % 4];
        var text = RandomText(new Random(seed), length, longSeparatorRuns: seed % 2 == 0);
        var patterns = Terms.Select(t => new TermPattern(Tokenizer.FoldedWords(t.Text), null, t.Prefix, new TermOwner(-1, 0, false, 0))).ToList();
        var automaton = new TermAutomaton(patterns.Select(p => new AutomatonPattern(p.Words, p.Prefix)).ToList(), denseSlots);
        var scratch = new AutomatonScratch();

        automaton.Scan(text, scratch);

        var found = new List<(int Pattern, int Start, int End)>();
        for (var h = 0; h < scratch.Hits.Count; h++)
        {
            foreach (var id in automaton.OutputsOf(scratch.Hits.StateAt(h)))
            {
                var (start, end) = TermIndex.Span(text, scratch.Hits.PositionAt(h), patterns[id]);
                found.Add((id, start, end));
            }
        }

        Assert.Equal(Reference(text, patterns).Order(), found.Order());
    }

    [Theory]
    [MemberData(nameof(FullRows))]
    public void ASegmentThatStartsInsideANameAfterALongRunOfSpacesIsRedoneFromTheTrueState(int denseSlots)
    {
        // Four copies of one unit, rotated so that each segment starts deep in the spaces between "Vladimir" and "Putin":
        // every warm-up sees only spaces and guesses the start state, where the true one is halfway through the name.
        var unit = "Vladimir" + new string(' ', 400) + "Putin ";
        var text = string.Concat(unit[200..], unit, unit, unit, unit[..200]);
        var patterns = Terms.Select(t => new TermPattern(Tokenizer.FoldedWords(t.Text), null, t.Prefix, new TermOwner(-1, 0, false, 0))).ToList();
        var automaton = new TermAutomaton(patterns.Select(p => new AutomatonPattern(p.Words, p.Prefix)).ToList(), denseSlots);
        var scratch = new AutomatonScratch();

        automaton.Scan(text, scratch);

        var vladimirPutin = Terms.Select(t => t.Text).ToList().IndexOf("Vladimir Putin");
        var found = Enumerable.Range(0, scratch.Hits.Count).SelectMany(h => automaton.OutputsOf(scratch.Hits.StateAt(h)).ToArray()).ToList();
        Assert.Equal(3, found.Count(id => id == vladimirPutin));
    }

    [Theory]
    [MemberData(nameof(FullRows))]
    public void ShortAndLongTextsGiveTheSameHits(int denseSlots)
    {
        var text = RandomText(new Random(42), 5000, longSeparatorRuns: true);
        var patterns = Terms.Select(t => new AutomatonPattern(Tokenizer.FoldedWords(t.Text), t.Prefix)).ToList();
        var automaton = new TermAutomaton(patterns, denseSlots);
        var whole = new AutomatonScratch();
        automaton.Scan(text, whole);

        var pieces = new List<(int, int)>();
        var piece = new AutomatonScratch();
        foreach (var cut in Enumerable.Range(0, 10).Select(i => i * 500))
        {
            // Each 500-character window is scanned by the single-stream path; only hits away from its edges are comparable.
            automaton.Scan(text.AsSpan(cut, 500), piece);
            for (var h = 0; h < piece.Hits.Count; h++)
            {
                var position = piece.Hits.PositionAt(h) + cut;
                if (position > cut + 100 && position < cut + 400)
                {
                    pieces.Add((position, piece.Hits.StateAt(h)));
                }
            }
        }

        var all = Enumerable.Range(0, whole.Hits.Count).Select(h => (whole.Hits.PositionAt(h), whole.Hits.StateAt(h))).ToHashSet();
        Assert.NotEmpty(pieces);
        Assert.All(pieces, p => Assert.Contains(p, all));
    }

    [Theory]
    [MemberData(nameof(FullRows))]
    public void ScanningAllocatesNothingOnceTheScratchHasGrown(int denseSlots)
    {
        var text = RandomText(new Random(9), 8000, longSeparatorRuns: false);
        var automaton = new TermAutomaton(Terms.Select(t => new AutomatonPattern(Tokenizer.FoldedWords(t.Text), t.Prefix)).ToList(), denseSlots);
        var scratch = new AutomatonScratch();
        automaton.Scan(text, scratch);

        var before = GC.GetAllocatedBytesForCurrentThread();
        automaton.Scan(text, scratch);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(scratch.Hits.Count > 0);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void NamesWithCharactersOutsideTheOwnClassesAreVerifiedAgainstTheText()
    {
        // Over 59 distinct letters: the rarest share one class, so "Рутин" reaches the same state as "Путин".
        var names = new[] { "Путин", "Лавров", "Зеленський", "Ἀλέξανδρος", "Ψηφίζω", "Łukasz", "Čapek", "abcdefghijklmnopqrstuvwxyz", "0123456789", "Þórr", "Ωμέγα", "Юлия", "Щука", "Жёлудь", "Эхо", "Фёдор", "Ъъ", "Ыы" };
        var figures = names.Select((name, i) => new { id = $"f{i}", name });
        var matcher = TestWatchlists.Matcher(System.Text.Json.JsonSerializer.Serialize(new { figures }));

        var result = matcher.Match(new NewsMonitor.Articles.ArticleText("Рутин и Путин", "Фёдор встретил Федор, Щука и Шука."));

        Assert.Equal(["Путин", "Фёдор", "Федор", "Щука"], result.Mentions.Select(m => m.Field == TextField.Title ? "Рутин и Путин".Substring(m.Start, m.Length) : "Фёдор встретил Федор, Щука и Шука.".Substring(m.Start, m.Length)));
    }

    private static List<(int Pattern, int Start, int End)> Reference(string text, List<TermPattern> patterns)
    {
        var tokens = Tokenizer.Tokenize(text);
        var hits = new List<(int, int, int)>();
        for (var id = 0; id < patterns.Count; id++)
        {
            var words = patterns[id].Words.Span;
            for (var i = 0; i + words.Length <= tokens.Count; i++)
            {
                var ok = true;
                for (var k = 0; k < words.Length && ok; k++)
                {
                    var last = k == words.Length - 1;
                    ok = patterns[id].Prefix && last ? tokens[i + k].Folded.StartsWith(words[k], StringComparison.Ordinal) : tokens[i + k].Folded == words[k];
                }

                if (ok)
                {
                    var end = tokens[i + words.Length - 1];
                    hits.Add((id, tokens[i].Start, end.Start + end.Length));
                }
            }
        }

        return hits;
    }

    private static string RandomText(Random random, int length, bool longSeparatorRuns)
    {
        var text = new StringBuilder();
        while (text.Length < length)
        {
            text.Append(Vocabulary[random.Next(Vocabulary.Length)]);
            text.Append(longSeparatorRuns && random.Next(200) == 0 ? new string(' ', 400) : Separators[random.Next(Separators.Length)]);
        }

        return text.ToString();
    }
}
