using NewsMonitor.Feeds;
using NewsMonitor.Reading;

namespace NewsMonitor.Tests.Reading;

/// <summary><see cref="KnownNames"/>: a filter value that names nothing is an error listing what exists.</summary>
public sealed class KnownNamesTests
{
    public static TheoryData<string, string, IReadOnlyList<string>, string> Cases => new()
    {
        { "entity", "nobody", ["donald-trump", "nato"], "entity: \"nobody\" is not an entity on the watchlist; known: donald-trump, nato" },
        { "entity", "nat0", ["donald-trump", "nato"], "entity: \"nat0\" is not an entity on the watchlist — did you mean \"nato\"?; known: donald-trump, nato" },
        { "entity", "x", [], "entity: \"x\" is not an entity on the watchlist; there are none" },
        {
            "entity", "e99", Enumerable.Range(0, 25).Select(i => $"entity-{i:D2}").ToList(),
            "entity: \"e99\" is not an entity on the watchlist; known: " + string.Join(", ", Enumerable.Range(0, 20).Select(i => $"entity-{i:D2}")) + " and 5 more (monitor entities lists them)"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void AnUnknownNameListsTheKnownOnes(string parameter, string value, IReadOnlyList<string> known, string message)
        => Assert.Equal(message, KnownNames.Unknown(parameter, value, "an entity on the watchlist", known, "monitor entities"));

    [Fact]
    public void ParentFoldersAreKnownCategories()
    {
        var categories = new FeedCategories([new FeedSource("a", "A", new Uri("https://a.example/")) { Category = "News/World/Europe" }]);

        Assert.Equal(["News", "News/World", "News/World/Europe"], categories.Known);
        Assert.True(categories.IsKnown("news/world"));
    }
}
