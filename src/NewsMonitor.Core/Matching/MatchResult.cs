using NewsMonitor.Watchlists;

namespace NewsMonitor.Matching;

/// <summary>One occurrence of a tracked entity: where it is, which term matched, and the sentence around it.</summary>
/// <param name="SnippetOffset">Where the mention starts inside <paramref name="Snippet"/>, for highlighting.</param>
public sealed record Mention(string EntityId, EntityKind Kind, string Term, TextField Field, int Start, int Length, string Snippet, int SnippetOffset);

/// <summary>A tracked entity found in an article, with its number of mentions and its salience score in 0..1.</summary>
public sealed record EntityMatch(string Id, EntityKind Kind, string Name, int Count, double Score);

/// <summary>Everything the matcher found in one article: entities strongest first, mentions in reading order.</summary>
public sealed record MatchResult(IReadOnlyList<EntityMatch> Entities, IReadOnlyList<Mention> Mentions)
{
    public bool IsMatch => Entities.Count > 0;

    /// <summary>This result without the entities <paramref name="drop"/> names, and without their mentions.</summary>
    public MatchResult Without(Func<string, bool> drop)
        => Entities.Any(e => drop(e.Id)) ? new MatchResult(Entities.Where(e => !drop(e.Id)).ToList(), Mentions.Where(m => !drop(m.EntityId)).ToList()) : this;
}
