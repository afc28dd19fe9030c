using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NewsMonitor.Archive;
using NewsMonitor.Articles;

namespace NewsMonitor.Benchmarks.Archive;

/// <summary>
/// Archived articles made of real news text, as many as a benchmark needs and each one different: article n is the
/// body of one of the 121 pages of the article-extraction corpus, rotated to start at a word n picks, with its last
/// quarter replaced by a slice of another page, and a headline from the first words of that slice. The bodies keep the
/// corpus's own length distribution (370 characters to 53 KB, 4.9 KB on average), so 100,000 of them are about half a
/// gigabyte of text that no cache holds.
/// </summary>
internal static class ArchiveCorpus
{
    private static readonly Lazy<string[]> Bodies = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(NewsCorpus.FindTruthFile()));
        return document.RootElement.EnumerateObject().Select(p => p.Value.GetProperty("articleBody").GetString()!.Trim()).ToArray();
    });

    /// <summary>The <paramref name="count"/> articles of <paramref name="feeds"/> feeds, discovered evenly over [from, to).</summary>
    public static IEnumerable<ArchivedArticle> Spread(int count, int feeds, DateTimeOffset from, DateTimeOffset to)
    {
        var step = (to - from).Ticks / count;
        for (var n = 0; n < count; n++)
        {
            yield return Article(n, $"feed-{n % feeds}", from.AddTicks(n * step));
        }
    }

    public static ArchivedArticle Article(int n, string feedId, DateTimeOffset discoveredAt)
    {
        var bodies = Bodies.Value;
        var source = bodies[(int)((n * 2654435761L) % bodies.Length)];
        var donor = bodies[(int)(((n * 40503L) + 17) % bodies.Length)];
        var rotated = Rotate(source, (int)((n * 7919L) % source.Length));
        var kept = WordBoundary(rotated, rotated.Length * 3 / 4);
        var sliceStart = WordBoundary(donor, (int)((n * 104729L) % Math.Max(1, donor.Length / 2)));
        var slice = donor[sliceStart..WordBoundary(donor, Math.Min(donor.Length, sliceStart + (source.Length / 4)))];
        var body = $"{rotated[..kept].Trim()}\n{slice.Trim()}";
        var title = string.Join(' ', slice.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Take(8 + (n % 5)));

        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(n.ToString(CultureInfo.InvariantCulture))), 0, 16);
        var url = new Uri($"https://news{n % 97}.example/{discoveredAt:yyyy/MM/dd}/{id}");
        return new ArchivedArticle(id, feedId, url, url, title, discoveredAt.AddMinutes(-30), discoveredAt, discoveredAt.AddSeconds(2), TextOrigin.Page, null, "en", body, "benchmark");
    }

    /// <summary>The text from the first word at or after <paramref name="at"/> to its end, then its start.</summary>
    private static string Rotate(string text, int at)
    {
        var start = WordBoundary(text, at);
        return start >= text.Length ? text : $"{text[start..]}\n{text[..start]}";
    }

    /// <summary>The first position at or after <paramref name="at"/> that follows a space or line break.</summary>
    private static int WordBoundary(string text, int at)
    {
        for (var i = Math.Clamp(at, 0, text.Length); i < text.Length; i++)
        {
            if (i == 0 || char.IsWhiteSpace(text[i - 1]))
            {
                return i;
            }
        }

        return text.Length;
    }
}
