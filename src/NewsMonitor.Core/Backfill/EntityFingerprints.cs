using System.Security.Cryptography;
using System.Text;
using NewsMonitor.Watchlists;
using NewsMonitor.Watchlists.Queries;

namespace NewsMonitor.Backfill;

/// <summary>
/// Each entity's definition fingerprint: a hash of exactly what decides which articles it matches, so a backfill runs
/// for an entity whose matches can differ and for no other. A figure's is its names, case-sensitive spellings, excluded
/// phrases and blocked feeds; a topic's or alert's is its query text and blocked feeds, plus the fingerprints of the
/// figures its query names (<c>@id</c>), since editing such a figure changes what the query matches. The order of
/// aliases and lists does not count; a topic's display name and an alert's priority do not either.
/// </summary>
public static class EntityFingerprints
{
    public static IReadOnlyDictionary<string, string> Of(Watchlist watchlist)
    {
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var figure in watchlist.Figures)
        {
            fingerprints[figure.Id] = Hash(
                EntityKind.Figure.Name(),
                figure.Name,
                Sorted(figure.Aliases),
                Sorted(figure.CaseSensitive),
                Sorted(figure.Exclude),
                Sorted(figure.BlockFeeds));
        }

        foreach (var entity in watchlist.Topics.Concat(watchlist.Alerts))
        {
            var figures = QueryNode.Leaves(entity.Query).OfType<FigureNode>().Select(f => f.FigureId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(id => $"{id}={fingerprints.GetValueOrDefault(id)}");
            fingerprints[entity.Id] = Hash(entity.Kind.Name(), entity.QueryText.Trim(), Sorted(entity.BlockFeeds), string.Join(',', figures));
        }

        return fingerprints;
    }

    private static string Sorted(IEnumerable<string> values) => string.Join('\u001f', values.Order(StringComparer.Ordinal));

    // Fields joined by a control character no watchlist value holds, so ("a b", "c") and ("a", "b c") differ.
    private static string Hash(params string[] fields)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', fields))))[..16];
}
