using NewsMonitor.Articles;

namespace NewsMonitor.Tests.Articles;

public sealed class ArticleDocumentTests
{
    public static TheoryData<string, string, string> PlainTexts => new()
    {
        { "Title\nBody line", "Title", "Body line" },
        { "\uFEFFTitle\r\nBody\r\n\r\nMore", "Title", "Body\n\nMore" },
        { "  Title  \n\n  Body  \n", "Title", "Body" },
        { "Only a title", "Only a title", "" },
        { "", "", "" },
    };

    [Theory]
    [MemberData(nameof(PlainTexts))]
    public void FirstLineIsTheTitleAndTheRestIsTheBody(string text, string title, string body)
    {
        var article = ArticleDocument.FromPlainText(text);

        Assert.Equal(new ArticleText(title, body), article);
    }

    [Fact]
    public void SeedArticleTitleIsItsFirstLine()
    {
        var article = ArticleDocument.FromPlainText(TestFiles.ReadText(TestFiles.SeedArticle));

        Assert.Equal("Trends", article.Title);
        Assert.StartsWith("Donald Trump, Putin’s “Ally” In Plain Sight?", article.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("story.html", true)]
    [InlineData("STORY.HTM", true)]
    [InlineData("dir/story.Html", true)]
    [InlineData("story.txt", false)]
    [InlineData("story.html.txt", false)]
    [InlineData("html", false)]
    public void HtmlPathsAreRecognisedByExtension(string path, bool expected)
    {
        var isHtml = ArticleDocument.IsHtmlPath(path);

        Assert.Equal(expected, isHtml);
    }
}
