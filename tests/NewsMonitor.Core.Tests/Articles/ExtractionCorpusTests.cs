using System.Text.Json;
using NewsMonitor.Articles;
using NewsMonitor.Tests.Corpora;

namespace NewsMonitor.Tests.Articles;

/// <summary>
/// Extraction quality on the 121 real pages of the article-extraction benchmark (shared/corpora/article-extraction),
/// scored with the benchmark's own metric. The floor is the level reached, rounded down: a change that makes
/// extraction worse on these pages fails here.
/// </summary>
public sealed class ExtractionCorpusTests
{
    private const double MinimumF1 = 0.984;

    public static TheoryData<string, string, string, double?, double?> MetricRows => new()
    {
        { "IdenticalTexts", "one two three four five", "one two three four five", 1, 1 },
        { "BothEmpty", "", "", 1, 1 },
        { "EmptyPredictionHasNoPrecision", "one two three four five", "", null, 0 },
        { "EmptyTruthHasNoRecall", "", "one two three four five", 0, null },
        { "ShortTextIsOneShingle", "Hello world", "Hello world", 1, 1 },
        { "ShortTextsDifferInTheirOnlyShingle", "Hello world", "Hello there world", 0, 0 },
        { "RepeatedShinglesCountAsMultiset", "a b c d a b c d", "a b c d", 1, 0.2 },
        { "ExtraShinglesCostPrecision", "a b c d", "a b c d a b c d", 0.2, 1 },
        { "ChromeAroundTheStory", "The talks resumed on Monday in Riyadh.", "Menu. The talks resumed on Monday in Riyadh. Share", 2.0 / 3, 1 },
        { "CombiningMarkEndsAToken", "cafe\u0301 au lait ok", "cafe au lait ok", 1, 1 },
        { "UnderscoreIsPartOfAWord", "snake_case is one token", "snake case is one token", 0, 0 },
        { "VulgarFractionIsPartOfANumber", "1½ cups of flour", "1 cups of flour", 0, 0 },
    };

    [Theory]
    [MemberData(nameof(MetricRows))]
    public void MetricScoresAPageLikeTheBenchmarkTool(string name, string truth, string prediction, double? precision, double? recall)
    {
        var score = ShingleScore.Page(truth, prediction);

        Assert.True(Near(precision, score.Precision) && Near(recall, score.Recall), $"{name}: {score}");
    }

    [CorpusFact(SharedCorpus.ArticleExtraction)]
    public void CorpusF1StaysAtTheLevelReached()
    {
        var extractor = new PageTextExtractor();
        var predictions = new List<(string Id, string Text)>();
        var scores = new List<(double?, double?)>();

        foreach (var (id, html, truth) in ExtractionPages.Load())
        {
            var text = extractor.Extract(html).Text;
            predictions.Add((id, text));
            scores.Add(ShingleScore.Page(truth, text));
        }

        var (f1, precision, recall) = ShingleScore.Corpus(scores);

        // The predictions stay next to the test assembly, so a failure can be read page by page with the python tool.
        var written = Path.Combine(AppContext.BaseDirectory, "extraction-predictions.jsonl");
        File.WriteAllLines(written, predictions.Select(p => JsonSerializer.Serialize(new { id = p.Id, text = p.Text })));
        Assert.Equal(121, predictions.Count);
        Assert.True(f1 >= MinimumF1, $"F1 {f1:0.0000} (precision {precision:0.0000}, recall {recall:0.0000}) is below {MinimumF1}; predictions in {written}");
    }

    private static bool Near(double? expected, double? actual)
        => expected is null ? actual is null : actual is not null && Math.Abs(expected.Value - actual.Value) < 1e-9;
}
