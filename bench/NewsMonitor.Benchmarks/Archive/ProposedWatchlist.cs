using System.Text.Json.Nodes;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Benchmarks.Archive;

/// <summary>
/// The watchlist change the entry-point timings apply: the seed watchlist plus a figure the archive names in a few
/// hundred articles (Arvind Kejriwal: three mentions in one of the corpus's 121 pages, the rarest kind of name there)
/// and one topic narrowed (middle-east without its <c>"Middle East"</c> phrase, so it loses articles).
/// </summary>
internal static class ProposedWatchlist
{
    public const string FigureId = "arvind-kejriwal";

    public const string NarrowedTopicId = "middle-east";

    private const string DroppedAlternative = "\"Middle East\" OR ";

    public static byte[] SeedJson() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seeds", "watchlist.json"));

    public static byte[] Json()
    {
        var root = JsonNode.Parse(SeedJson())!.AsObject();
        root["figures"]!.AsArray().Add(new JsonObject { ["id"] = FigureId, ["name"] = "Arvind Kejriwal", ["aliases"] = new JsonArray("Kejriwal") });
        var topic = root["topics"]!.AsArray().Single(t => (string?)t!["id"] == NarrowedTopicId)!;
        var query = (string)topic["query"]!;
        if (!query.StartsWith(DroppedAlternative, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"seeds/watchlist.json: topic {NarrowedTopicId}'s query no longer starts with {DroppedAlternative}: {query}");
        }

        topic["query"] = query[DroppedAlternative.Length..];
        return System.Text.Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    public static Watchlist Parse() => WatchlistLoader.Parse(Json(), "proposed.json");
}
