namespace NewsMonitor.Http;

/// <summary>One named HttpClient per purpose, so each keeps its own connection pool and limits.</summary>
public static class HttpClientNames
{
    public const string Feeds = "feeds";
    public const string Pages = "pages";
    public const string Webhooks = "webhooks";
}
