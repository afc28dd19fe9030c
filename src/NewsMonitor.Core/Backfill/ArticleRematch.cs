using NewsMonitor.Archive;
using NewsMonitor.Matching;
using NewsMonitor.Storage;

namespace NewsMonitor.Backfill;

/// <summary>
/// What applying a job's entities to one archived article changes: the entities the index must gain, lose or rewrite,
/// and the stored article with its new entities, mentions and history. Pure: the same inputs give the same result, so a
/// block applied again, or after a stop between its writes, computes what is still missing and nothing more.
/// </summary>
/// <param name="Article">The stored article after the change; null when the article never matched and still does not.</param>
/// <param name="BlobChanged">The stored blob must be (re)written.</param>
public sealed record ArticleRematch(StoredArticle? Article, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Updated, bool BlobChanged)
{
    public bool ChangesIndex => Added.Count > 0 || Removed.Count > 0 || Updated.Count > 0;

    /// <param name="archived">The article as the archive keeps it.</param>
    /// <param name="stored">Its stored blob, if it has one.</param>
    /// <param name="listed">The job's entities the index lists for the article now (its day row's entities).</param>
    /// <param name="fresh">What the live matcher finds in it, already restricted to the job's entities.</param>
    public static ArticleRematch Compute(ArchivedArticle archived, StoredArticle? stored, IReadOnlySet<string> listed, MatchResult fresh, BackfillJobEntities job)
    {
        var before = stored ?? new StoredArticle(
            archived.ArticleId, archived.FeedId, archived.Url, archived.CanonicalUrl, archived.Title, archived.Published, archived.DiscoveredAt,
            job.At, archived.TextOrigin, archived.Byline, archived.Language, archived.Text, job.WatchlistVersion, [], []);
        var found = fresh.Entities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var added = found.Where(id => !listed.Contains(id)).Order(StringComparer.Ordinal).ToList();
        var removed = listed.Where(id => !found.Contains(id)).Order(StringComparer.Ordinal).ToList();
        var updated = found.Where(id => listed.Contains(id) && !SameEvidence(before, fresh, id)).Order(StringComparer.Ordinal).ToList();

        var entities = before.Entities.Where(e => !job.Contains(e.Id)).Concat(fresh.Entities).ToList();
        entities.Sort((a, b) => b.Score.CompareTo(a.Score) is var byScore and not 0 ? byScore : string.CompareOrdinal(a.Id, b.Id));
        var mentions = before.Mentions.Where(m => !job.Contains(m.EntityId)).Concat(fresh.Mentions).ToList();
        mentions.Sort((a, b) => a.Field != b.Field ? a.Field.CompareTo(b.Field) : a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.EntityId, b.EntityId));

        var changes = before.Changes.ToList();
        foreach (var (ids, action) in new[] { (added, EntityChange.Added), (removed, EntityChange.Removed), (updated, EntityChange.Updated) })
        {
            foreach (var id in ids)
            {
                var change = new EntityChange(id, job.Fingerprints[id], action, job.WatchlistVersion, job.JobId, job.At);
                if (!changes.Exists(change.SameKey))
                {
                    changes.Add(change);
                }
            }
        }

        var after = before with { Entities = entities, Mentions = mentions, Changes = changes };
        if (stored is null && entities.Count == 0)
        {
            return new ArticleRematch(null, [], [], [], false);
        }

        var blobChanged = stored is null
            || !stored.Entities.SequenceEqual(entities)
            || !stored.Mentions.SequenceEqual(mentions)
            || stored.Changes.Count != changes.Count;
        return new ArticleRematch(after, added, removed, updated, blobChanged);
    }

    /// <summary>The history lines of <paramref name="article"/> that applying these definitions wrote, by any job.</summary>
    public static IEnumerable<EntityChange> ChangesBy(StoredArticle article, IReadOnlyDictionary<string, string> fingerprints)
        => article.Changes.Where(c => fingerprints.TryGetValue(c.EntityId, out var fingerprint) && fingerprint == c.Fingerprint);

    private static bool SameEvidence(StoredArticle stored, MatchResult fresh, string entityId)
        => stored.Entities.FirstOrDefault(e => e.Id == entityId) == fresh.Entities.First(e => e.Id == entityId)
            && stored.Mentions.Where(m => m.EntityId == entityId).SequenceEqual(fresh.Mentions.Where(m => m.EntityId == entityId));
}
