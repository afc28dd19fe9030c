using System.Text.Json;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Benchmarks;

/// <summary>A watchlist of <c>n</c> terms as a user would write it: nine in ten figures (a name), one in ten topics (a query of two terms).</summary>
internal static class BenchmarkWatchlist
{
    public static Watchlist Create(string[] terms)
    {
        var figures = new List<object>();
        var topics = new List<object>();
        for (var i = 0; i < terms.Length; i++)
        {
            if (i % 10 == 9 && i + 1 < terms.Length)
            {
                topics.Add(new { id = $"t{i}", name = terms[i], query = $"\"{terms[i]}\" OR \"{terms[i + 1]}\"" });
                i++;
            }
            else
            {
                figures.Add(new { id = $"f{i}", name = terms[i] });
            }
        }

        return WatchlistLoader.Parse(JsonSerializer.SerializeToUtf8Bytes(new { figures, topics }), "benchmark");
    }
}
