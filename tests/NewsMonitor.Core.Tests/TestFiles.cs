namespace NewsMonitor.Tests;

/// <summary>Reads the golden files under <c>TestData/</c>, which the project copies (or links) next to the test assembly.</summary>
internal static class TestFiles
{
    public const string SeedArticle = "SeedArticle.txt";
    public const string SeedWatchlist = "SeedWatchlist.json";
    public const string SeedFeeds = "SeedFeeds.json";
    public const string SeedSubscriptions = "SeedSubscriptions.json";
    public const string DemoArticlePage = "DemoTrumpPutinAlly.html";
    public const string DemoFeed = "DemoFeed.xml";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static byte[] ReadBytes(string name) => File.ReadAllBytes(PathOf(name));

    public static string ReadText(string name) => File.ReadAllText(PathOf(name));
}
