using NewsMonitor.Reading.Search;

namespace NewsMonitor.Tests.Reading.Search;

public sealed class SearchRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AQueryAloneSearchesTheLastSevenDaysTwentyAtATime()
    {
        var request = SearchRequest.Parse(new SearchInput { Q = " \"graham nkosi\" " }, Now, out var problems);

        Assert.Empty(problems);
        Assert.Equal(("\"graham nkosi\"", Now.AddDays(-7), Now, 20), (request.Query, request.From, request.To, request.Limit));
        Assert.Empty(request.Feeds);
        Assert.Null(request.Cursor);
    }

    [Fact]
    public void EveryOptionIsRead()
    {
        var cursor = new SearchCursor(Now.AddHours(-3), "0123456789abcdef0123456789abcdef");

        var request = SearchRequest.Parse(new SearchInput { Q = "nkosi", Since = "30d", Feeds = ["wire", "demo", "wire"], Limit = "200", Cursor = cursor.ToString() }, Now, out var problems);

        Assert.Empty(problems);
        Assert.Equal((Now.AddDays(-30), 200, cursor), (request.From, request.Limit, request.Cursor));
        Assert.Equal(["wire", "demo"], request.Feeds);
    }

    public static TheoryData<SearchInput, string> Problems => new()
    {
        { new SearchInput(), "q: missing" },
        { new SearchInput { Q = "  " }, "q: missing" },
        { new SearchInput { Q = "x", Since = "last week" }, "since: \"last week\" is not an ISO-8601 time or a duration like 7d" },
        { new SearchInput { Q = "x", Since = "2027-01-01" }, "since: \"2027-01-01\" is in the future" },
        { new SearchInput { Q = "x", Feeds = ["Wire"] }, "feed: \"Wire\" is not a feed id" },
        { new SearchInput { Q = "x", Limit = "0" }, "limit: \"0\" must be a whole number from 1 to 200" },
        { new SearchInput { Q = "x", Limit = "201" }, "limit: \"201\" must be a whole number from 1 to 200" },
        { new SearchInput { Q = "x", Limit = "ten" }, "limit: \"ten\" must be a whole number from 1 to 200" },
        { new SearchInput { Q = "x", Cursor = "abc" }, "cursor: \"abc\" is not a cursor of a previous page" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void EachProblemNamesItsParameter(SearchInput input, string expected)
    {
        SearchRequest.Parse(input, Now, out var problems);

        Assert.StartsWith(expected, Assert.Single(problems), StringComparison.Ordinal);
    }
}
