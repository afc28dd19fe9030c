using Azure;
using Azure.Data.Tables;

namespace NewsMonitor.Storage;

/// <summary>Reads and writes <see cref="SeenArticle"/> rows.</summary>
public sealed class SeenArticleStore(MonitorStorage storage)
{
    public async Task<SeenArticle?> GetAsync(string articleId, CancellationToken cancellationToken = default)
    {
        var response = await storage.SeenArticles.GetEntityIfExistsAsync<SeenArticle>(SeenArticle.PartitionFor(articleId), articleId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>
    /// Records a newly found article for the poll <paramref name="pollId"/>, before its message is sent, so that two polls
    /// of one feed at once (two runs, or a run beside the Functions app) queue it once: the conditional create picks one.
    /// </summary>
    /// <returns>
    /// True when this poll should send the article's message: it created the row, or created it on an earlier delivery
    /// of the same poll that died before sending. False when another poll has it.
    /// </returns>
    public async Task<bool> ClaimForQueueAsync(string articleId, string feedId, Uri url, DateTimeOffset firstSeen, string pollId, CancellationToken cancellationToken = default)
    {
        var row = new SeenArticle
        {
            PartitionKey = SeenArticle.PartitionFor(articleId),
            RowKey = articleId,
            FeedId = feedId,
            Url = url.AbsoluteUri,
            FirstSeen = firstSeen,
            Status = SeenStatus.Queued,
            QueuedBy = pollId,
        };
        var day = firstSeen;
        try
        {
            await storage.SeenArticles.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await GetAsync(articleId, cancellationToken).ConfigureAwait(false);
            if (existing is not { Status: SeenStatus.Queued } || existing.QueuedBy != pollId)
            {
                return false;
            }

            // The earlier delivery of this poll may have died before writing the day row: written again, under the row's own day.
            day = existing.FirstSeen;
        }

        await AddDayAsync(articleId, day, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Claims a page's canonical URL for an article, so the same story reached through another URL (another feed,
    /// tracking links) is stored once. Conditional create makes the claim atomic across instances.
    /// </summary>
    /// <returns>The id of the article that owns the canonical URL: <paramref name="articleId"/>, or the one that claimed it first.</returns>
    public async Task<string> ClaimCanonicalAsync(string canonicalId, Uri canonicalUrl, string articleId, string feedId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var claim = new SeenArticle
        {
            PartitionKey = SeenArticle.PartitionFor(canonicalId),
            RowKey = canonicalId,
            FeedId = feedId,
            Url = canonicalUrl.AbsoluteUri,
            FirstSeen = now,
            Status = SeenStatus.Alias,
            SameAs = articleId,
        };
        try
        {
            await storage.SeenArticles.AddEntityAsync(claim, cancellationToken).ConfigureAwait(false);
            await AddDayAsync(canonicalId, now, cancellationToken).ConfigureAwait(false);
            return articleId;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await GetAsync(canonicalId, cancellationToken).ConfigureAwait(false);
            return existing?.Status == SeenStatus.Alias ? existing.SameAs ?? canonicalId : canonicalId;
        }
    }

    /// <summary>
    /// The row retention finds a new row by, written after the row itself: only the claim that created a row writes it,
    /// under the row's own day. A process that stops between the two leaves a row that is kept past its window, never
    /// one deleted before it.
    /// </summary>
    private Task<Response> AddDayAsync(string id, DateTimeOffset firstSeen, CancellationToken cancellationToken)
        => storage.SeenArticleDays.UpsertEntityAsync(SeenArticleDays.Row(id, firstSeen), TableUpdateMode.Replace, cancellationToken);

    public Task MarkDuplicateAsync(string articleId, string keptArticleId, CancellationToken cancellationToken = default)
    {
        var row = new TableEntity(SeenArticle.PartitionFor(articleId), articleId)
        {
            [nameof(SeenArticle.Status)] = SeenStatus.Duplicate,
            [nameof(SeenArticle.SameAs)] = keptArticleId,
        };
        return storage.SeenArticles.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
    }

    public Task MarkProcessedAsync(string articleId, string status, string? blobPath, CancellationToken cancellationToken = default)
    {
        var row = new TableEntity(SeenArticle.PartitionFor(articleId), articleId)
        {
            [nameof(SeenArticle.Status)] = status,
            [nameof(SeenArticle.BlobPath)] = blobPath,
        };
        return storage.SeenArticles.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
    }
}
