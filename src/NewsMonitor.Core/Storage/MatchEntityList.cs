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

    public bool All(Func<string, bool> keep) => Ids.All(keep) && Details.All(d => keep(EntityDetailsFormat.IdOf(d)));

    public MatchEntityList Where(Func<string, bool> keep) => new(Ids.Where(keep).ToList(), Details.Where(d => keep(EntityDetailsFormat.IdOf(d))).ToList());

    /// <summary>The kind and score of the highest-scoring entity in the details, or null when none can be read.</summary>
    public (string Kind, double Score)? Strongest()
        => EntityDetailsFormat.Read(DetailsText) is [var strongest, ..] ? (strongest.Kind, strongest.Score) : null;
}
