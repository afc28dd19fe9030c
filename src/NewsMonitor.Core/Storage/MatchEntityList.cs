using System.Globalization;

namespace NewsMonitor.Storage;

/// <summary>
/// The entities an index row lists: <see cref="MatchIndexRow.Entities"/> (<c>id,id</c>) and
/// <see cref="MatchIndexRow.EntityDetails"/> (<c>id|kind|count|score;…</c>) read together, so leaving an entity out
/// changes both the same way.
/// </summary>
public sealed record MatchEntityList(IReadOnlyList<string> Ids, IReadOnlyList<string> Details)
{
    public static MatchEntityList Parse(string? entities, string? details) => new(
        (entities ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
        (details ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries));

    public string EntitiesText => string.Join(',', Ids);

    public string DetailsText => string.Join(';', Details);

    public bool All(Func<string, bool> keep) => Ids.All(keep) && Details.All(d => keep(IdOf(d)));

    public MatchEntityList Where(Func<string, bool> keep) => new(Ids.Where(keep).ToList(), Details.Where(d => keep(IdOf(d))).ToList());

    /// <summary>The kind and score of the highest-scoring entity in the details, or null when none can be read.</summary>
    public (string Kind, double Score)? Strongest() => Details
        .Select(d => d.Split('|'))
        .Where(parts => parts.Length == 4 && double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        .Select(parts => (Kind: parts[1], Score: double.Parse(parts[3], CultureInfo.InvariantCulture)))
        .OrderByDescending(e => e.Score)
        .Select(e => ((string Kind, double Score)?)e)
        .FirstOrDefault();

    private static string IdOf(string detail)
    {
        var bar = detail.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? detail : detail[..bar];
    }
}
