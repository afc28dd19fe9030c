namespace NewsMonitor.Watchlists;

/// <summary>
/// A tracked person: every name in <see cref="Names"/> (written as a name where the watchlist capitalises it, any case
/// otherwise) and in <see cref="CaseSensitive"/> (in exactly that spelling) counts as a mention unless it sits inside an
/// excluded phrase.
/// </summary>
public sealed record Figure(
    string Id,
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> CaseSensitive,
    IReadOnlyList<string> Exclude)
{
    /// <summary>Feeds whose articles never count as a mention of this figure (an outlet that only ever means someone else).</summary>
    public IReadOnlyList<string> BlockFeeds { get; init; } = [];

    /// <summary>
    /// The full name first, then the aliases: those that match by folded words (<c>Matching.NameCasing</c> then checks
    /// the case of capitalised words). A name or alias also listed in
    /// <see cref="CaseSensitive"/> matches only in that spelling, which is how a figure called "X" stays trackable.
    /// </summary>
    /// <remarks>Read for every figure when a matcher is built, up to 100,000 of them: one iterator, nothing per name.</remarks>
    public IEnumerable<string> Names
    {
        get
        {
            if (!IsCaseSensitive(Name))
            {
                yield return Name;
            }

            foreach (var alias in Aliases)
            {
                if (!IsCaseSensitive(alias))
                {
                    yield return alias;
                }
            }
        }
    }

    private bool IsCaseSensitive(string name)
    {
        for (var i = 0; i < CaseSensitive.Count; i++)
        {
            if (string.Equals(CaseSensitive[i], name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
