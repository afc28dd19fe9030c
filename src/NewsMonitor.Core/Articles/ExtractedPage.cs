namespace NewsMonitor.Articles;

/// <summary>The main content of a web page, with the metadata the page declares about itself.</summary>
public sealed record ExtractedPage(
    string Title,
    string Text,
    Uri? CanonicalUrl,
    string? Byline,
    DateTimeOffset? Published,
    string? Language)
{
    public ArticleText ToArticleText() => new(Title, Text);
}
