using System.Text;
using NewsMonitor.Matching;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Tests;

/// <summary>Builds watchlists from inline JSON the way a deployment loads its file, so tests exercise the real loader.</summary>
internal static class TestWatchlists
{
    public const string Source = "inline.json";

    public static Watchlist Parse(string json) => WatchlistLoader.Parse(Encoding.UTF8.GetBytes(json), Source);

    public static MentionMatcher Matcher(string json) => new(Parse(json));

    public static WatchlistException Problems(string json) => Assert.Throws<WatchlistException>(() => Parse(json));
}
