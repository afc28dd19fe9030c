using System.Text.Json;
using NewsMonitor.Tests.Corpora;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Tests.Matching;

/// <summary>
/// A watchlist of a given number of names and query terms, shaped like a user's, from <see cref="LargeCorpus.Names"/>:
/// nine entities in ten are figures — every second one with an alias: its surname when the news writes the person's
/// name (a made-up name's "surname" is a capitalised word of this very corpus, "November" or "Privacy", which no real
/// surname is), and every fifth also an initial form ("J. Smith"); no alias given to two figures — and one in ten a
/// topic whose query holds two or three terms, the third a prefix (<c>stem*</c>). Shared by the matcher's scale tests and
/// benchmarks (linked), so both judge the same watchlists.
/// </summary>
internal sealed record ScaleWatchlist(Watchlist Watchlist, IReadOnlyList<ScaleTerm> Terms)
{
    private const int MinStemmedWord = 7;

    /// <summary>A watchlist whose names and query terms number exactly <paramref name="size"/>.</summary>
    public static ScaleWatchlist Create(int size)
    {
        var source = LargeCorpus.Names(size);
        var next = 0;
        var terms = new List<ScaleTerm>(size);
        var figures = new List<object>();
        var topics = new List<object>();

        // The composed names share their words, but a user gives an alias to one figure only.
        var aliases = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var entity = 0; terms.Count < size; entity++)
        {
            var room = size - terms.Count;
            var name = source[next++];
            if (entity % 10 == 9 && room >= 2)
            {
                var second = source[next++];
                var stem = room >= 3 && entity % 20 == 19 ? Stem(source[next++]) : null;
                terms.Add(new(name, false));
                terms.Add(new(second, false));
                var query = $"\"{name}\" OR \"{second}\"";
                if (stem is not null)
                {
                    terms.Add(new(stem, true));
                    query = $"\"{name}\" OR (\"{second}\" AND {stem}*)";
                }

                topics.Add(new { id = $"t{entity}", name, query });
                continue;
            }

            var names = new List<string> { name };
            var words = name.Split(' ');
            if (words.Length == 2 && entity % 2 == 0 && room >= 2)
            {
                if (LargeCorpus.IsWrittenInCorpus(name) && FloodingNames.ProblemWithName(words[1], []) is null && aliases.Add(words[1]))
                {
                    names.Add(words[1]);
                }

                if (entity % 5 == 0 && size - terms.Count - names.Count >= 1 && aliases.Add($"{words[0][0]}. {words[1]}"))
                {
                    names.Add($"{words[0][0]}. {words[1]}");
                }
            }

            terms.AddRange(names.Select(n => new ScaleTerm(n, false)));
            figures.Add(new { id = $"f{entity}", name, aliases = names.Skip(1).ToArray() });
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(new { figures, topics });
        return new ScaleWatchlist(WatchlistLoader.Parse(json, $"scale-{size}"), terms);
    }

    /// <summary>
    /// The start of a word as a user writes a prefix query (<c>sanction*</c>): the name's longest word in lower case, two
    /// letters short; none when that word is short, since a user stems "sanctions", never "with" or "time".
    /// </summary>
    private static string? Stem(string term)
    {
        var word = term.Split(' ').MaxBy(w => w.Length)!.ToLowerInvariant();
        return word.Length >= MinStemmedWord ? word[..^2] : null;
    }
}

/// <summary>A name or query term of a <see cref="ScaleWatchlist"/>; <see cref="Prefix"/> for a <c>stem*</c> query term.</summary>
internal readonly record struct ScaleTerm(string Text, bool Prefix);
