using NewsMonitor.Reviews;
using NewsMonitor.Storage;

namespace NewsMonitor.Reading;

/// <summary>One matched article in a listing, with every entity it matched and its review state (null: unreviewed).</summary>
public sealed record MatchSummary(
    string ArticleId,
    string Title,
    string Url,
    string FeedId,
    DateTimeOffset? Published,
    DateTimeOffset MatchedAt,
    IReadOnlyList<MatchedEntity> Entities,
    string Snippet,
    ReviewMark? Review = null)
{
    /// <summary>Where the strongest entity's mention sits inside <see cref="Snippet"/>, for highlighting (length 0: none).</summary>
    public int SnippetOffset { get; init; }

    public int SnippetLength { get; init; }

    /// <summary>Found by a backfill (an entity applied to articles processed before it was on the watchlist), not by the live pipeline.</summary>
    public bool Backfilled { get; init; }

    /// <summary>An index row as listings show it: the article with every entity it matched.</summary>
    public static MatchSummary Of(MatchIndexRow row)
        => new(row.ArticleId, row.Title, row.Url, row.FeedId, row.Published, row.MatchedAt, EntityDetailsFormat.Read(row.EntityDetails), row.Snippet, ReviewMark.Of(row.ReviewState, row.Starred))
        {
            SnippetOffset = row.SnippetOffset,
            SnippetLength = row.SnippetLength,
            Backfilled = row.Backfilled,
        };
}

/// <summary>A page of a listing, with the token for the next page when there is one.</summary>
public sealed record MatchPage(IReadOnlyList<MatchSummary> Items, string? Continuation);
