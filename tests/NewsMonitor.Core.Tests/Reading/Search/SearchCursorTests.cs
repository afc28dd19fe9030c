using NewsMonitor.Reading.Search;

namespace NewsMonitor.Tests.Reading.Search;

public sealed class SearchCursorTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 12, 34, 56, 789, TimeSpan.Zero);
    private const string Id = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void ACursorRoundTripsThroughItsText()
    {
        var cursor = new SearchCursor(At.AddTicks(3), Id);

        Assert.True(SearchCursor.TryParse(cursor.ToString(), out var parsed));

        Assert.Equal(cursor, parsed);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero), parsed.Hour);
    }

    [Fact]
    public void ACursorIsUrlSafe()
        => Assert.All(new SearchCursor(DateTimeOffset.MaxValue, Id).ToString(), c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}'"));

    public static TheoryData<string, string?> NotCursors => new()
    {
        { "nothing", null },
        { "empty", string.Empty },
        { "not base64", "***" },
        { "base64 of words", "aGVsbG8gd29ybGQ" },
        { "no article id", Base64("638000000000000000.") },
        { "an article id in upper case", Base64("638000000000000000." + Id.ToUpperInvariant()) },
        { "a negative time", Base64("-1." + Id) },
        { "a time past the calendar", Base64("9999999999999999999." + Id) },
        { "far too long", new string('A', 200) },
    };

    [Theory]
    [MemberData(nameof(NotCursors))]
    public void TextThatNoPageProducedIsNotACursor(string why, string? text)
        => Assert.False(SearchCursor.TryParse(text, out _), why);

    public static TheoryData<string, DateTimeOffset, string, bool> Neighbours => new()
    {
        { "an older article comes after the cursor", At.AddSeconds(-1), Id, true },
        { "a newer article came before it", At.AddSeconds(1), Id, false },
        { "the cursor's own article came before it", At, Id, false },
        { "at the same time a larger id comes after it", At, "f123456789abcdef0123456789abcdef", true },
        { "at the same time a smaller id came before it", At, "0000000000000000000000000000000f", false },
    };

    [Theory]
    [MemberData(nameof(Neighbours))]
    public void TheNextPageHoldsExactlyTheArticlesAfterTheCursor(string why, DateTimeOffset discovered, string articleId, bool onNextPage)
    {
        var cursor = new SearchCursor(At, Id);

        Assert.True(onNextPage == cursor.Precedes(SearchTestArticles.Article(articleId, discovered, "t", "b")), why);
    }

    private static string Base64(string text) => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
