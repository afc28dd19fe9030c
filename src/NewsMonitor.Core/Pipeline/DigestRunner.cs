using Microsoft.Extensions.Logging;
using NewsMonitor.Configuration;
using NewsMonitor.Digests;
using NewsMonitor.Storage;

namespace NewsMonitor.Pipeline;

/// <summary>The outcome of one subscription's digest run.</summary>
public sealed record DigestOutcome(string SubscriptionId, int Items, string? BlobPath);

/// <summary>
/// The <c>SendDigests</c> stage: for each subscription, the index rows written since its watermark become one digest,
/// stored as HTML and text; the watermark then moves to the newest row included.
/// </summary>
public sealed partial class DigestRunner(MonitorConfiguration configuration, MatchStore matches, DigestStore digests, TimeProvider clock, ILogger<DigestRunner> logger)
{
    /// <summary>Index rows are read back this far before the watermark, to catch articles discovered earlier but matched later.</summary>
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(2);

    private static readonly TimeSpan FirstPeriod = TimeSpan.FromDays(1);

    private const int MaxRowsPerEntity = 500;

    public async Task<IReadOnlyList<DigestOutcome>> RunAsync(CancellationToken cancellationToken = default)
    {
        var outcomes = new List<DigestOutcome>();
        foreach (var subscription in await configuration.GetSubscriptionsAsync(cancellationToken).ConfigureAwait(false))
        {
            outcomes.Add(await RunAsync(subscription, cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    /// <summary>Builds the digest a subscription would get for matches since <paramref name="from"/>, without storing anything.</summary>
    public async Task<Digest> PreviewAsync(Subscription subscription, DateTimeOffset from, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var (digest, _) = await BuildAsync(subscription, from, now, watermark: null, cancellationToken).ConfigureAwait(false);
        return digest;
    }

    private async Task<DigestOutcome> RunAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var state = await digests.GetStateAsync(subscription.Id, cancellationToken).ConfigureAwait(false);
        var from = (state.Watermark ?? now - FirstPeriod) - Lookback;
        var (digest, newest) = await BuildAsync(subscription, from, now, state.Watermark ?? now - FirstPeriod, cancellationToken).ConfigureAwait(false);
        if (digest.ItemCount == 0)
        {
            return new DigestOutcome(subscription.Id, 0, null);
        }

        var path = await digests.SaveDigestAsync(subscription.Id, now, DigestRenderer.Html(digest), DigestRenderer.Text(digest), cancellationToken).ConfigureAwait(false);
        state.Watermark = newest;
        state.LastSentAt = now;
        state.LastDigestBlob = path;
        await digests.SaveStateAsync(state, cancellationToken).ConfigureAwait(false);
        LogDigest(subscription.Id, digest.ItemCount, path);
        return new DigestOutcome(subscription.Id, digest.ItemCount, path);
    }

    private async Task<(Digest Digest, DateTimeOffset? Newest)> BuildAsync(Subscription subscription, DateTimeOffset from, DateTimeOffset to, DateTimeOffset? watermark, CancellationToken cancellationToken)
    {
        var watchlist = (await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false)).Watchlist;
        var entityIds = subscription.Entities.Count > 0 ? subscription.Entities : watchlist.EntityIds.ToList();
        var rows = new List<MatchIndexRow>();
        foreach (var entityId in entityIds)
        {
            var entityRows = await matches.QueryEntityAsync(entityId, from, to, MaxRowsPerEntity, cancellationToken).ConfigureAwait(false);
            rows.AddRange(entityRows.Where(r => r.Score >= subscription.MinScore && (watermark is null || r.Timestamp > watermark)));
        }

        var newest = rows.Count == 0 ? null : rows.Max(r => r.Timestamp);
        return (DigestBuilder.Build(subscription, watchlist.Names, rows, watermark ?? from, to), newest);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest for {SubscriptionId}: {Items} articles, stored at {BlobPath}")]
    private partial void LogDigest(string subscriptionId, int items, string blobPath);
}
