using Microsoft.Extensions.Logging;
using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Channels;
using NewsMonitor.Feeds;
using NewsMonitor.Reviews;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Delivery.Digests;

/// <summary>The outcome of one subscription channel's digest run: sent, delivered before, held by another attempt, or failed with why.</summary>
public sealed record DigestOutcome(string SubscriptionId, DeliveryChannel Channel, DeliveryStatus Status, int Items, string? BlobPath, string? Error)
{
    public ChannelOutcome Delivery => new(Channel, Status, Error);
}

/// <summary>
/// The <c>SendDigests</c> stage. For each subscription whose schedule has come round (<see cref="DigestSchedule"/>,
/// outside its quiet hours), and for each of its channels, the index rows written since that channel's watermark become
/// one digest: stored as HTML and text, then sent through the <see cref="DeliveryLedger"/> under the item key of the
/// occurrence (<c>digest:{yyyyMMddTHHmm}</c>). Before sending, the channel's state records that digest as pending (its
/// key and the newest row it holds); the watermark moves to that row only once the ledger says the channel has it. So a
/// failed send is retried by the next run as the same message — same articles, same key, same <c>webhook-id</c> — no
/// article is in two digests of the same channel, and a crash between the send and the state save resends nothing: the
/// next run finds the pending key already delivered in the ledger and only moves the watermark. Dismissed matches are
/// left out; a row's first write time (not the moment a review stamp rewrote it) is what the watermark is held against.
/// Rows a backfill wrote are left out unless the subscription includes them (<see cref="Subscription.Takes"/>), and
/// entities taken off the watchlist are left out of everything (<see cref="LiveEntities"/>).
/// </summary>
public sealed partial class DigestRunner(
    MonitorConfiguration configuration,
    MatchStore matches,
    DigestStore digests,
    FeedStateStore feedStates,
    DeliveryLedger ledger,
    SingletonLock singleton,
    TimeProvider clock,
    Spikes.SpikeListing spikeListing,
    ILogger<DigestRunner> logger)
{
    /// <summary>Index rows are read back this far before the watermark, to catch articles discovered earlier but matched later.</summary>
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(2);

    private static readonly TimeSpan FirstPeriod = TimeSpan.FromDays(1);

    private const int MaxRowsPerEntity = 500;

    private const int MaxErrorLength = 1000;

    /// <summary>Sends every digest that is due, and retries every pending one; one process at a time (<see cref="SingletonLock"/>).</summary>
    public async Task<IReadOnlyList<DigestOutcome>> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var held = await singleton.TryAcquireAsync("SendDigests", cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            LogSkipped();
            return [];
        }

        var now = clock.GetUtcNow();
        var outcomes = new List<DigestOutcome>();
        foreach (var subscription in await configuration.GetSubscriptionsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (subscription.Frequency.Cadence == DigestCadence.Immediate || subscription.QuietHours?.Contains(now, subscription.TimeZone) == true)
            {
                continue;
            }

            outcomes.AddRange(await DeliverAsync(subscription, now, force: false, cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    /// <summary>Builds and sends a subscription's digest now, whatever its schedule (<c>monitor digest --send</c>); a pending one is retried first.</summary>
    public Task<IReadOnlyList<DigestOutcome>> SendNowAsync(Subscription subscription, CancellationToken cancellationToken = default)
        => DeliverAsync(subscription, clock.GetUtcNow(), force: true, cancellationToken);

    /// <summary>Builds the digest a subscription would get for matches since <paramref name="from"/>, without storing or sending anything.</summary>
    public async Task<Digest> PreviewAsync(Subscription subscription, DateTimeOffset from, CancellationToken cancellationToken = default)
    {
        var (digest, _) = await BuildAsync(subscription, from, clock.GetUtcNow(), watermark: null, through: null, cancellationToken).ConfigureAwait(false);
        return digest;
    }

    /// <summary>Each channel with its state, for <c>monitor subscriptions</c>.</summary>
    public async Task<IReadOnlyList<(DeliveryChannel Channel, DigestState State)>> StatesAsync(Subscription subscription, CancellationToken cancellationToken = default)
    {
        var states = new List<(DeliveryChannel, DigestState)>();
        foreach (var channel in DeliveryChannel.Of(subscription))
        {
            states.Add((channel, await digests.GetStateAsync(subscription.Id, channel.Key, LegacyKey(subscription, channel), cancellationToken).ConfigureAwait(false)));
        }

        return states;
    }

    /// <summary>The row key a webhook's state had when channels were keyed by list position; state found there is moved (<see cref="DigestStore.GetStateAsync"/>).</summary>
    private static string? LegacyKey(Subscription subscription, DeliveryChannel channel)
        => channel is WebhookChannel webhook && subscription.Webhooks.ToList().IndexOf(webhook.Target) is var position and >= 0 ? $"webhook-{position}" : null;

    private async Task<IReadOnlyList<DigestOutcome>> DeliverAsync(Subscription subscription, DateTimeOffset now, bool force, CancellationToken cancellationToken)
    {
        var outcomes = new List<DigestOutcome>();
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var channel in DeliveryChannel.Of(subscription))
        {
            var state = await digests.GetStateAsync(subscription.Id, channel.Key, LegacyKey(subscription, channel), cancellationToken).ConfigureAwait(false);
            if (state.PendingItem is not null)
            {
                var from = state.Watermark ?? now - FirstPeriod;
                var (pending, _) = await BuildAsync(subscription, from - Lookback, now, from, state.PendingThrough, cancellationToken).ConfigureAwait(false);
                if (pending.ItemCount == 0 && !subscription.SendEmpty)
                {
                    // Every article it held was dismissed or its entity removed since: nothing is left to send.
                    Settle(state, path: state.LastDigestBlob);
                    await digests.SaveStateAsync(state, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var retried = await SendAsync(subscription, channel, state, pending, now, stored, cancellationToken).ConfigureAwait(false);
                    outcomes.Add(retried);
                    if (!retried.Delivery.IsDone)
                    {
                        continue;
                    }
                }
            }

            if (!force && !DigestSchedule.IsDue(subscription, state.LastRunAt, now))
            {
                continue;
            }

            var watermark = state.Watermark ?? now - FirstPeriod;
            var (digest, newest) = await BuildAsync(subscription, watermark - Lookback, now, watermark, through: null, cancellationToken).ConfigureAwait(false);
            if (digest.ItemCount == 0 && !subscription.SendEmpty)
            {
                state.LastRunAt = now;
                await digests.SaveStateAsync(state, cancellationToken).ConfigureAwait(false);
                continue;
            }

            // Written ahead of the send: whatever happens next, the next run knows which message this channel may have.
            var occurrence = force ? now : DigestSchedule.Occurrence(subscription, now);
            state.Watermark = watermark;
            state.PendingItem = force ? DeliveryItemKey.DigestOnRequest(now) : DeliveryItemKey.Digest(occurrence);
            state.PendingThrough = newest ?? watermark;
            state.PendingFor = occurrence;
            await digests.SaveStateAsync(state, cancellationToken).ConfigureAwait(false);
            outcomes.Add(await SendAsync(subscription, channel, state, digest, now, stored, cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    /// <summary>Stores the channel's pending digest and delivers it through the ledger; the state moves on only when the channel has it.</summary>
    private async Task<DigestOutcome> SendAsync(Subscription subscription, DeliveryChannel channel, DigestState state, Digest digest, DateTimeOffset now, Dictionary<string, string> stored, CancellationToken cancellationToken)
    {
        // Channels whose digests hold the same articles share one stored copy.
        var key = string.Join(',', digest.Sections.SelectMany(s => s.Items).Select(i => i.ArticleId).Order(StringComparer.Ordinal));
        if (!stored.TryGetValue(key, out var path))
        {
            stored[key] = path = await digests.SaveDigestAsync(subscription.Id, now, DigestRenderer.Html(digest), DigestRenderer.Text(digest), cancellationToken).ConfigureAwait(false);
        }

        var outcome = (await ledger.DeliverAsync(subscription, state.PendingItem!, digest, [channel], cancellationToken).ConfigureAwait(false)).Channels[0];
        if (outcome.IsDone)
        {
            state.LastSentAt = outcome.Status == DeliveryStatus.Sent ? now : state.LastSentAt ?? now;
            Settle(state, path);
            LogDigest(subscription.Id, channel.Key, digest.ItemCount, path, outcome.Status);
        }
        else
        {
            var error = outcome.Error ?? outcome.Status.ToString();
            state.LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
            LogDeliveryFailed(subscription.Id, channel.Key, error);
        }

        await digests.SaveStateAsync(state, cancellationToken).ConfigureAwait(false);
        return new DigestOutcome(subscription.Id, channel, outcome.Status, digest.ItemCount, path, outcome.Error);
    }

    /// <summary>The channel has its pending digest (or there is nothing left of it): the watermark moves past its rows.</summary>
    private static void Settle(DigestState state, string? path)
    {
        state.Watermark = state.PendingThrough;
        state.LastRunAt = state.LastRunAt > state.PendingFor ? state.LastRunAt : state.PendingFor;
        state.LastDigestBlob = path;
        state.LastError = null;
        state.PendingItem = null;
        state.PendingThrough = null;
        state.PendingFor = null;
    }

    /// <param name="through">For a pending digest rebuilt: only rows written up to this moment, the ones it held when first sent.</param>
    private async Task<(Digest Digest, DateTimeOffset? Newest)> BuildAsync(Subscription subscription, DateTimeOffset from, DateTimeOffset to, DateTimeOffset? watermark, DateTimeOffset? through, CancellationToken cancellationToken)
    {
        var watchlist = (await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false)).Watchlist;
        var live = new LiveEntities(watchlist);
        var entityIds = subscription.Entities.Count > 0 ? subscription.Entities.Where(live.Contains).ToList() : watchlist.EntityIds.ToList();
        var categories = await configuration.GetFeedCategoriesAsync(subscription.Categories, cancellationToken).ConfigureAwait(false);
        var rows = new List<MatchIndexRow>();
        foreach (var entityId in entityIds)
        {
            var entityRows = await matches.QueryEntityAsync(entityId, from, to, MaxRowsPerEntity, ReviewFilter.NotDismissed, cancellationToken).ConfigureAwait(false);
            rows.AddRange(entityRows.Where(r => live.Show(r) && subscription.Takes(r, categories) && (watermark is null || r.WrittenAt() > watermark) && (through is null || r.WrittenAt() <= through)));
        }

        var newest = rows.Count == 0 ? null : rows.Max(r => r.WrittenAt());
        var digest = DigestBuilder.Build(subscription, watchlist.Names, rows, watermark ?? from, to);
        var feeds = await configuration.GetFeedsAsync(cancellationToken).ConfigureAwait(false);
        var health = await HealthAsync(subscription, feeds, watermark ?? from, cancellationToken).ConfigureAwait(false);
        var spikes = await spikeListing.ForDigestAsync(subscription, watchlist, entityIds, watermark ?? from, to, cancellationToken).ConfigureAwait(false);
        var references = SubscriptionReferences.Problems(subscription, watchlist, feeds);
        return (digest with { Health = health, ConfigurationProblems = configuration.Problems, SubscriptionProblems = references, Spikes = spikes }, newest);
    }

    /// <summary>The subscription's feeds (all feeds when it names none) that are failing or brought nothing new since <paramref name="since"/>.</summary>
    private async Task<IReadOnlyList<FeedHealth>> HealthAsync(Subscription subscription, IReadOnlyList<FeedSource> feeds, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var states = await feedStates.GetAllAsync(cancellationToken).ConfigureAwait(false);
        var health = new List<FeedHealth>();
        foreach (var feed in feeds.Where(f => subscription.Feeds.Count == 0 || subscription.Feeds.Contains(f.Id)))
        {
            var state = states.GetValueOrDefault(feed.Id);
            if (state?.ConsecutiveFailures > 0)
            {
                health.Add(new FeedHealth(feed.Id, $"failing ({state.ConsecutiveFailures} polls in a row): {state.LastError}"));
            }
            else if (state?.LastPolledAt is not null && !(state.LastNewItemAt >= since))
            {
                health.Add(new FeedHealth(feed.Id, state.LastNewItemAt is { } last ? $"nothing new since {DigestTime.Format(last, subscription.TimeZone)}" : "nothing new yet"));
            }
        }

        return health;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Another process is sending digests; this occurrence is left to it")]
    private partial void LogSkipped();

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest for {SubscriptionId} via {Channel}: {Items} articles, stored at {BlobPath} ({Status})")]
    private partial void LogDigest(string subscriptionId, string channel, int items, string blobPath, DeliveryStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest for {SubscriptionId} via {Channel} not delivered, the next run retries the same message: {Error}")]
    private partial void LogDeliveryFailed(string subscriptionId, string channel, string error);
}
