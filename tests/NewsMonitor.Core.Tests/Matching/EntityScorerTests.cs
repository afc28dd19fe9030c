using NewsMonitor.Matching;

namespace NewsMonitor.Tests.Matching;

public sealed class EntityScorerTests
{
    // 0.5 · (1 − e^(−count/3)) + 0.3 · inTitle + 0.2 · earliness, rounded to 3 decimals.
    public static TheoryData<int, bool, int, int, double> Values => new()
    {
        { 1, false, 0, 100, 0.342 },
        { 1, false, 50, 100, 0.242 },
        { 1, false, 100, 100, 0.142 },
        { 1, false, 500, 100, 0.142 },
        { 1, false, 0, 0, 0.342 },
        { 2, true, 80, 100, 0.743 },
        { 3, true, 0, 100, 0.816 },
        { 6, false, 25, 100, 0.582 },
        { 10, false, 10, 200, 0.672 },
        { 1000, true, 0, 100, 1.0 },
    };

    public static TheoryData<bool, int> Placements => new()
    {
        { true, 0 },
        { false, 0 },
        { false, 40 },
        { false, 100 },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void ScoreFollowsTheFormula(int count, bool inTitle, int firstBodyOffset, int bodyLength, double expected)
    {
        var score = EntityScorer.Score(count, inTitle, firstBodyOffset, bodyLength);

        Assert.Equal(expected, score);
    }

    [Theory]
    [MemberData(nameof(Placements))]
    public void ScoreStaysBetweenZeroAndOne(bool inTitle, int firstBodyOffset)
    {
        var scores = Enumerable.Range(0, 200).Select(count => EntityScorer.Score(count, inTitle, firstBodyOffset, 100)).ToList();

        Assert.All(scores, score => Assert.InRange(score, 0.0, 1.0));
    }

    [Theory]
    [MemberData(nameof(Placements))]
    public void ScoreGrowsWithTheMentionCount(bool inTitle, int firstBodyOffset)
    {
        var scores = Enumerable.Range(1, 60).Select(count => EntityScorer.Score(count, inTitle, firstBodyOffset, 100)).ToList();

        Assert.All(scores.Zip(scores.Skip(1)), pair => Assert.True(pair.Second >= pair.First, $"{pair.Second} < {pair.First}"));
        Assert.All(scores.Take(10).Zip(scores.Skip(1).Take(10)), pair => Assert.True(pair.Second > pair.First, $"{pair.Second} <= {pair.First}"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void NamingInTheTitleAddsThreeTenths(int count)
    {
        var inBodyFirst = EntityScorer.Score(count, inTitle: false, firstBodyOffset: 0, bodyLength: 100);

        var inTitle = EntityScorer.Score(count, inTitle: true, firstBodyOffset: 0, bodyLength: 100);

        Assert.Equal(0.3, inTitle - inBodyFirst, precision: 3);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    [InlineData(99)]
    public void TitleMentionBeatsAnyBodyPlacement(int firstBodyOffset)
    {
        var inTitle = EntityScorer.Score(1, inTitle: true, firstBodyOffset, bodyLength: 100);

        var inBody = EntityScorer.Score(1, inTitle: false, firstBodyOffset: 0, bodyLength: 100);

        Assert.True(inTitle > inBody);
    }
}
