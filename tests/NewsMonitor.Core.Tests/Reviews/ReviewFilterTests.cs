using NewsMonitor.Reading;
using NewsMonitor.Reviews;

namespace NewsMonitor.Tests.Reviews;

public sealed class ReviewFilterTests
{
    public static TheoryData<ReviewFilter, string[]> Kept => new()
    {
        { ReviewFilter.NotDismissed, ["unreviewed", "relevant", "relevant*", "starred"] },
        { ReviewFilter.Relevant, ["relevant", "relevant*"] },
        { ReviewFilter.Dismissed, ["dismissed", "dismissed*"] },
        { ReviewFilter.Starred, ["relevant*", "dismissed*", "starred"] },
        { ReviewFilter.Unreviewed, ["unreviewed"] },
        { ReviewFilter.Any, ["unreviewed", "relevant", "relevant*", "dismissed", "dismissed*", "starred"] },
    };

    private static readonly (string Name, string? State, bool Starred)[] Matches =
    [
        ("unreviewed", null, false), ("relevant", "relevant", false), ("relevant*", "relevant", true),
        ("dismissed", "dismissed", false), ("dismissed*", "dismissed", true), ("starred", null, true),
    ];

    [Theory]
    [MemberData(nameof(Kept))]
    public void EachFilterKeepsItsStates(ReviewFilter filter, string[] kept)
    {
        Assert.Equal(kept, Matches.Where(m => filter.Keeps(m.State, m.Starred)).Select(m => m.Name));
    }

    public static TheoryData<string?, ReviewFilter> Spellings => new()
    {
        { null, ReviewFilter.NotDismissed },
        { "relevant", ReviewFilter.Relevant },
        { "dismissed", ReviewFilter.Dismissed },
        { "starred", ReviewFilter.Starred },
        { "unreviewed", ReviewFilter.Unreviewed },
        { "any", ReviewFilter.Any },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void TheQueryParameterNamesTheFilter(string? review, ReviewFilter expected)
    {
        var query = MatchQuery.Parse(new MatchQueryInput { Review = review }, DateTimeOffset.UtcNow, out var problems);

        Assert.Empty(problems);
        Assert.Equal(expected, query.Review);
    }

    [Theory]
    [InlineData("all")]
    [InlineData("Dismissed")]
    [InlineData("")]
    [InlineData("notdismissed")]
    [InlineData("1")]
    public void AnyOtherReviewValueIsAnError(string review)
    {
        MatchQuery.Parse(new MatchQueryInput { Review = review }, DateTimeOffset.UtcNow, out var problems);

        Assert.Equal([$"review: \"{review}\" is not one of relevant, dismissed, starred, unreviewed, any"], problems);
    }
}
