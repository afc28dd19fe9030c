using System.Globalization;
using Xunit.Abstractions;
using NewsMonitor.Articles;
using NewsMonitor.Tests.Corpora;

namespace NewsMonitor.Tests.Articles;

/// <summary>
/// Extraction quality on pages the thresholds were not tuned on: 5-fold cross-validation over the corpus (see
/// <see cref="CrossValidation"/>), each fold choosing among the defaults and each threshold moved alone, lower and
/// higher. The report (extraction-cross-validation.txt beside the test assembly, and the test output) puts the
/// cross-validated F1 next to the all-pages F1; a gap between them is overfitting to these pages.
/// </summary>
public sealed class ExtractionCrossValidationTests(ITestOutputHelper output)
{
    private const int Folds = 5;
    private const double MinimumCrossValidatedF1 = 0.984;

    private static readonly ExtractionTuning Defaults = ExtractionTuning.Default;

    private static readonly (string Name, ExtractionTuning Tuning)[] Candidates =
    [
        ("defaults", Defaults),
        ("retry below 100 chars", Defaults with { RetryBelowChars = 100 }),
        ("retry below 400 chars", Defaults with { RetryBelowChars = 400 }),
        ("name weight 10", Defaults with { NameWeight = 10 }),
        ("name weight 50", Defaults with { NameWeight = 50 }),
        ("sibling link density 0.15", Defaults with { MaxSiblingLinkDensity = 0.15 }),
        ("sibling link density 0.4", Defaults with { MaxSiblingLinkDensity = 0.4 }),
        ("sibling prose share 0.05", Defaults with { MinSiblingProseShare = 0.05 }),
        ("sibling prose share 0.2", Defaults with { MinSiblingProseShare = 0.2 }),
        ("wrapper prose share 0.3", Defaults with { WrapperProseShare = 0.3 }),
        ("wrapper prose share 0.7", Defaults with { WrapperProseShare = 0.7 }),
        ("link line density 0.35", Defaults with { LinkLineDensity = 0.35 }),
        ("link line density 0.65", Defaults with { LinkLineDensity = 0.65 }),
        ("link list density 0.35", Defaults with { LinkListDensity = 0.35 }),
        ("link list density 0.65", Defaults with { LinkListDensity = 0.65 }),
    ];

    [CorpusFact(SharedCorpus.ArticleExtraction)]
    public void CrossValidatedF1StaysAtTheLevelReached()
    {
        var pages = ExtractionPages.Load();
        var scores = Candidates
            .Select(c => new PageTextExtractor(c.Tuning))
            .Select(extractor => (IReadOnlyList<(double?, double?)>)pages.Select(p => ShingleScore.Page(p.Truth, extractor.Extract(p.Html).Text)).ToList())
            .ToList();

        var allPages = ShingleScore.Corpus(scores[0]);
        var result = CrossValidation.Run(scores, Folds);

        var report = Report(allPages, result, scores);
        var written = Path.Combine(AppContext.BaseDirectory, "extraction-cross-validation.txt");
        File.WriteAllText(written, report);
        output.WriteLine(report);
        Assert.True(result.HeldOut.F1 >= MinimumCrossValidatedF1, $"cross-validated F1 {result.HeldOut.F1:0.0000} is below {MinimumCrossValidatedF1}; report in {written}");
    }

    private static string Report((double F1, double Precision, double Recall) allPages, CrossValidation.Result result, List<IReadOnlyList<(double?, double?)>> scores)
    {
        var lines = new List<string>
        {
            Line("all pages, defaults", allPages),
            Line($"{Folds}-fold cross-validated", result.HeldOut),
        };
        lines.AddRange(result.Chosen.Select((candidate, fold) => $"fold {fold}: chose {Candidates[candidate].Name}"));
        lines.AddRange(Candidates.Select((c, i) => Line($"all pages, {c.Name}", ShingleScore.Corpus(scores[i]))));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Line(string name, (double F1, double Precision, double Recall) score)
        => string.Create(CultureInfo.InvariantCulture, $"{name}: f1={score.F1:0.0000} precision={score.Precision:0.0000} recall={score.Recall:0.0000}");
}
