using NewsMonitor.Http;
using NewsMonitor.Escaping;

namespace NewsMonitor.Articles;

/// <summary>Reads an article from where a user or the pipeline points: a URL (fetched with the page client), an HTML file or a text file.</summary>
public sealed class ArticleSource(HttpFetcher fetcher, PageTextExtractor extractor)
{
    public async Task<ExtractedPage> FetchPageAsync(Uri url, CancellationToken cancellationToken = default)
    {
        var response = await fetcher.GetAsync(HttpClientNames.Pages, url, null, null, cancellationToken).ConfigureAwait(false);
        if (NestingGuard.Depth(response.Body) is var depth and > NestingGuard.MaxDepth)
        {
            throw new HttpRequestException($"{UrlCredentials.Masked(url)}: the page nests elements {depth} deep (more than {NestingGuard.MaxDepth}); refused rather than parsed");
        }

        return extractor.Extract(response.Body, response.FinalUrl);
    }

    /// <summary>An <c>http(s)://</c> URL, a <c>.html</c>/<c>.htm</c> page, or a text file whose first line is the title.</summary>
    public async Task<ArticleText> ReadAsync(string input, CancellationToken cancellationToken = default)
    {
        if (Uri.TryCreate(input, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return (await FetchPageAsync(url, cancellationToken).ConfigureAwait(false)).ToArticleText();
        }

        if (ArticleDocument.IsHtmlPath(input))
        {
            var bytes = await File.ReadAllBytesAsync(input, cancellationToken).ConfigureAwait(false);
            return extractor.Extract(bytes).ToArticleText();
        }

        return ArticleDocument.FromPlainText(await File.ReadAllTextAsync(input, cancellationToken).ConfigureAwait(false));
    }
}
