using System.Text.Json.Nodes;
using NewsMonitor.Matching;
using NewsMonitor.Tests.Corpora;
using Xunit.Abstractions;

namespace NewsMonitor.Tests.Matching;

/// <summary>
/// The capital rule on real text (<see cref="NamesCorpus"/>) with a watchlist full of names that are also words:
/// the matcher must still agree with the hand-judged sample in <c>TestData/NamesThatAreWords/judged.tsv</c>.
/// </summary>
public sealed class NamesCorpusTests(ITestOutputHelper output)
{
    private const string Folder = "NamesThatAreWords/";

    /// <summary>Judged "word" among the removed mentions: 127 of 128 when the sample was judged.</summary>
    private const double RemovedPrecisionBar = 0.99;

    [CorpusFact(SharedCorpus.ArticleExtraction)]
    public void TheMatcherAgreesWithTheHandJudgedSample()
    {
        var matcher = TestWatchlists.Matcher(TestFiles.ReadText(Folder + "watchlist.json"));
        var rows = JudgedRows();

        var disagreements = rows
            .Where(row => IsMention(matcher, row) != (row.Decision == "kept"))
            .Select(row => $"{row.Decision} {row.Entity} \"{row.Text}\" at {row.Article} {row.Field}:{row.Start}")
            .ToList();

        Assert.True(disagreements.Count == 0, "the matcher no longer agrees with judged.tsv on:\n" + string.Join('\n', disagreements));
        var removed = rows.Where(row => row.Decision == "removed").ToList();
        var kept = rows.Where(row => row.Decision == "kept").ToList();
        Assert.True(removed.Count >= 100 && kept.Count >= 100, $"the sample holds {removed.Count} removed and {kept.Count} kept mentions; it needs 100 of each");
        var precision = (double)removed.Count(row => row.Judgement == "word") / removed.Count;
        output.WriteLine($"removed: {removed.Count}, of them common words: {precision:P1}; kept: {kept.Count}, names of the tracked one: {(double)kept.Count(row => row.Judgement == "name") / kept.Count:P1}");
        Assert.True(precision >= RemovedPrecisionBar, $"only {precision:P1} of the removed mentions are common words");
    }

    [CorpusFact(SharedCorpus.ArticleExtraction)]
    public void WrittenAsANameRemovesOnlyTheCommonWordsOnTheCorpus()
    {
        var json = TestFiles.ReadText(Folder + "watchlist.json");
        var after = TestWatchlists.Matcher(json);
        var before = TestWatchlists.Matcher(LowerCased(json));

        var mentionsBefore = NamesCorpus.Articles.Values.Sum(article => before.Match(article).Mentions.Count);
        var mentionsAfter = NamesCorpus.Articles.Values.Sum(article => after.Match(article).Mentions.Count);

        output.WriteLine($"{NamesCorpus.Articles.Count} articles, {NamesCorpus.Articles.Values.Sum(a => a.Title.Length + a.Body.Length):N0} characters: {mentionsBefore} mentions in any case, {mentionsAfter} written as names");
        Assert.Equal((719, 592), (mentionsBefore, mentionsAfter));
    }

    /// <summary>The watchlist as it matched before the rule: every name in lower case matches in any case.</summary>
    private static string LowerCased(string json)
    {
        var root = JsonNode.Parse(json)!;
        foreach (var figure in root["figures"]!.AsArray())
        {
            figure!["name"] = figure["name"]!.GetValue<string>().ToLowerInvariant();
            foreach (var list in new[] { figure["aliases"], figure["exclude"] }.OfType<JsonArray>())
            {
                for (var i = 0; i < list.Count; i++)
                {
                    list[i] = list[i]!.GetValue<string>().ToLowerInvariant();
                }
            }
        }

        return root.ToJsonString();
    }

    private static bool IsMention(MentionMatcher matcher, JudgedRow row)
    {
        var article = NamesCorpus.Articles.TryGetValue(row.Article, out var found) ? found : throw new KeyNotFoundException($"judged.tsv names {row.Article}, which the corpus no longer holds");
        return matcher.Match(article).Mentions.Any(m => m.EntityId == row.Entity && m.Field.ToString() == row.Field && m.Start == row.Start);
    }

    private static List<JudgedRow> JudgedRows() => TestFiles.ReadText(Folder + "judged.tsv")
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Where(line => !line.StartsWith('#'))
        .Skip(1)
        .Select(line => line.Split('\t'))
        .Select(cells => new JudgedRow(cells[0], cells[1], cells[2], cells[3], cells[4], int.Parse(cells[5], System.Globalization.CultureInfo.InvariantCulture), cells[6]))
        .ToList();

    private sealed record JudgedRow(string Decision, string Judgement, string Entity, string Article, string Field, int Start, string Text);
}
