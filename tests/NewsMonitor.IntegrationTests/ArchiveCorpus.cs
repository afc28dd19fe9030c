using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Archive;
using NewsMonitor.Articles;
using NewsMonitor.Feeds;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// Archived articles written as the pipeline writes them (<see cref="ArticleArchive.AddAsync"/>), some compacted into
/// hour blocks and some still pending, for searches and backtests to read.
/// </summary>
internal static class ArchiveCorpus
{
    /// <summary>The start of the current hour: articles placed before it are in closed hours, which the compactor folds.</summary>
    public static DateTimeOffset Hour { get; } = ArchiveBlock.HourOf(DateTimeOffset.UtcNow);

    public static ArchivedArticle Article(string slug, DateTimeOffset discovered, string title, string text, string feed = "demo")
    {
        var url = new Uri($"https://{feed}.example/{slug}");
        return new ArchivedArticle(ArticleId.FromCanonicalUrl(url), feed, url, url, title, discovered, discovered, discovered.AddMinutes(1), TextOrigin.Feed, null, "en", text, "seed");
    }

    /// <summary>Archives the articles, compacts the closed hours, and archives <paramref name="pending"/> after that, so both kinds of blob are read.</summary>
    public static async Task WriteAsync(IServiceProvider services, IEnumerable<ArchivedArticle> articles, IEnumerable<ArchivedArticle>? pending = null)
    {
        var archive = services.GetRequiredService<ArticleArchive>();
        foreach (var article in articles)
        {
            await archive.AddAsync(article);
        }

        await services.GetRequiredService<ArchiveCompactor>().CompactAsync();
        foreach (var article in pending ?? [])
        {
            await archive.AddAsync(article);
        }
    }
}
