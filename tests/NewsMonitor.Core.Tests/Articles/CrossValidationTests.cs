namespace NewsMonitor.Tests.Articles;

public sealed class CrossValidationTests
{
    private static readonly (double?, double?) Perfect = (1, 1);
    private static readonly (double?, double?) Half = (0.5, 0.5);

    public static TheoryData<string, (double?, double?)[][], int, int[], double> Rows => new()
    {
        // Four pages, two folds: fold 0 holds pages 0 and 2, fold 1 pages 1 and 3.
        { "OneCandidateScoresAsOnAllPages", [[Perfect, Half, Perfect, Half]], 2, [0, 0], 0.75 },
        { "EqualCandidatesKeepTheFirst", [[Half, Half, Half, Half], [Half, Half, Half, Half]], 2, [0, 0], 0.5 },
        { "BetterEverywhereIsChosenEverywhere", [[Half, Half, Half, Half], [Perfect, Perfect, Perfect, Perfect]], 2, [1, 1], 1 },
        { "AFitToOneFoldIsScoredOnTheOther", [[Half, Half, Half, Half], [Perfect, (0, 0), Perfect, (0, 0)]], 2, [0, 1], 0.25 },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void EachFoldIsScoredWithTheCandidateChosenOnTheOthers(string name, (double?, double?)[][] scores, int folds, int[] chosen, double heldOutF1)
    {
        var result = CrossValidation.Run(scores, folds);

        Assert.True(chosen.SequenceEqual(result.Chosen), $"{name}: chose {string.Join(",", result.Chosen)}");
        Assert.True(Math.Abs(result.HeldOut.F1 - heldOutF1) < 1e-9, $"{name}: held-out F1 {result.HeldOut.F1}");
    }
}
