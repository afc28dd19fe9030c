using NewsMonitor.Archive;
using NewsMonitor.Articles;

namespace NewsMonitor.Tests.Reading.Search;

internal static class SearchTestArticles
{
    public static ArchivedArticle Article(string id, DateTimeOffset discovered, string title, string text, string feed = "demo")
    {
        var url = new Uri($"https://news.example/{id}");
        return new ArchivedArticle(id, feed, url, url, title, discovered, discovered, discovered, TextOrigin.Feed, null, "en", text, "v1");
    }
}
