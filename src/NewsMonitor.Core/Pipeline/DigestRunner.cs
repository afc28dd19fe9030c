using Microsoft.Extensions.Logging;
using NewsMonitor.Configuration;
using NewsMonitor.Digests;
using NewsMonitor.Digests.Delivery;
using NewsMonitor.Reviews;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Pipeline;

/// <summary>The outcome of one subscription channel's digest run.</summary>
public sealed record DigestOutcome(string SubscriptionId, string Channel, int Items, string? BlobPath, string? Error);

/// <summary>
/// The <c>SendDigests</c> stage. For each subscription whose schedule has come round (outside its quiet hours), and
/// for each of its channels, the index rows written since that channel's watermark become one digest: stored as HTML
/// and text, then sent. The watermark moves only after the channel accepted the digest, so a failed send is retried
/// by the next run with the same articles, and no article is in two digests of the same channel. Dismissed matches are
/// left out; a row's first write time (not the moment a review stamp rewrote it) is what the watermark is held against.
/// Rows a backfill wrote are left out unless the subscription includes them (<see cref="Subscription.Takes"/>), and
/// entities taken off the watchlist are left out of everything (<see cref="LiveEntities"/>).
/// </summary>
public sealed partial class DigestRunner(
    MonitorConfiguration configuration,
    MatchStore matches,
    DigestStore digests,
    FeedStateStore feedStates,
    EmailSender email,
    WebhookSender webhooks,
    SingletonLock singleton,
    TimeProvider clock,
    ILogger<DigestRunner> logger)
{
    /// <summary>Index rows are read back this far before the watermark, to catch articles discovered earlier but matched later.</summary>
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(2);

    private static readonly TimeSpan FirstPeriod = TimeSpan.FromDays(1);

    private const int MaxRowsPerEntity = 500;

    /// <summary>Sends every digest that is due; one process at a time (<see cref="SingletonLock"/>), so none goes out twice.</summary>
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

    /// <summary>Builds and sends a subscription's digest now, whatever its schedule (<c>monitor digest --send</c>).</summary>
    public Task<IReadOnlyList<DigestOutcome>> SendNowAsync(Subscription subscription, CancellationToken cancellationToken = default)
        => DeliverAsync(subscription, clock.GetUtcNow(), force: true, cancellationToken);

    /// <summary>Builds the digest a subscription would get for matches since <paramref name="from"/>, without storing or sending anything.</summary>
    public async Task<Digest> PreviewAsync(Subscription subscription, DateTimeOffset from, CancellationToken cancellationToken = default)
    {
        var (digest, _) = await BuildAsync(subscription, from, clock.GetUtcNow(), watermark: null, cancellationToken).ConfigureAwait(false);
        return digest;
    }

    /// <summary>Each channel's state, for <c>monitor subscriptions</c>.</summary>
    public async Task<IReadOnlyList<DigestState>> StatesAsync(Subscription subscription, CancellationToken cancellationToken = default)
    {
        var states = new List<DigestState>();
        foreach (var channel in Channels(subscription))
        {
            states.Add(await digests.GetStateAsync(subscription.Id, channel, cancellationToken).ConfigureAwait(false));
        }

        return states;
    }

    public static IReadOnlyList<string> Channels(Subscription subscription)
    {
        var channels = new List<string>();
        if (subscription.Email.Count > 0)
        {
            channels.Add("email");
        }

        channels.AddRange(subscription.Webhooks.Select((_, i) => $"webhook-{i}"));
        return channels.Count > 0 ? channels : ["store"];
    }

    private async Task<IReadOnlyList<DigestOutcome>> DeliverAsync(Subscription subscription, DateTimeOffset now, bool force, CancellationToken cancellationToken)
    {
        var due = subscription.Frequency.LatestOccurrence(now, subscription.TimeZone);
        var outcomes = new List<DigestOutcome>();
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var channel in Channels(subscription))
        {
            var state = await digests.GetStateAsync(subscription.Id, channel, cancellationToken).ConfigureAwait(false);
            if (!force && state.LastRunAt >= due)
            {
                continue;
            }

            var watermark = state.Watermark ?? now - FirstPeriod;
            var (digest, newest) = await BuildAsync(subscription, watermark - Lookback, now, watermark, cancellationToken).ConfigureAwait(false);
            if (digest.ItemCount == 0 && !subscription.SendEmpty)
            {
                state.LastRunAt = now;
                await digests.SaveStateAsync(state, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var html = DigestRenderer.Html(digest);
            var text = DigestRenderer.Text(digest);

            // Channels whose digests hold the same articles share one stored copy.
            var key = string.Join(',', digest.Sections.SelectMany(s => s.Items).Select(i => i.ArticleId).Order(StringComparer.Ordinal));
            if (!stored.TryGetValue(key, out var path))
            {
                stored[key] = path = await digests.SaveDigestAsync(subscription.Id, now, html, text, cancellationToken).ConfigureAwait(false);
            }

            string? error = null;
            try
            {
                await SendAsync(subscription, channel, digest, html, text, cancellationToken).ConfigureAwait(false);
                state.Watermark = newest ?? state.Watermark ?? watermark;
                state.LastSentAt = now;
                state.LastRunAt = now;
                state.LastDigestBlob = path;
                state.LastError = null;
                LogDigest(subscription.Id, channel, digest.ItemCount, path);
            }
            catch (DeliveryException ex)
            {
                error = ex.Message;
                state.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                LogDeliveryFailed(subscription.Id, channel, ex.Message);
            }

            await digests.SaveStateAsync(state, cancellationToken).ConfigureAwait(false);
            outcomes.Add(new DigestOutcome(subscription.Id, channel, digest.ItemCount, path, error));
        }

        return outcomes;
    }

    private Task SendAsync(Subscription subscription, string channel, Digest digest, string html, string text, CancellationToken cancellationToken) => channel switch
    {
        "email" => email.SendAsync(subscription, digest, html, text, cancellationToken),
        "store" => Task.CompletedTask,
        _ => webhooks.SendAsync(subscription, subscription.Webhooks[int.Parse(channel["webhook-".Length..], System.Globalization.CultureInfo.InvariantCulture)], digest, text, cancellationToken),
    };

    private async Task<(Digest Digest, DateTimeOffset? Newest)> BuildAsync(Subscription subscription, DateTimeOffset from, DateTimeOffset to, DateTimeOffset? watermark, CancellationToken cancellationToken)
    {
        var watchlist = (await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false)).Watchlist;
        var live = new LiveEntities(watchlist);
        var entityIds = subscription.Entities.Count > 0 ? subscription.Entities.Where(live.Contains).ToList() : watchlist.EntityIds.ToList();
        var rows = new List<MatchIndexRow>();
        foreach (var entityId in entityIds)
        {
            var entityRows = await matches.QueryEntityAsync(entityId, from, to, MaxRowsPerEntity, ReviewFilter.NotDismissed, cancellationToken).ConfigureAwait(false);
            rows.AddRange(entityRows.Where(r => live.Show(r) && subscription.Takes(r) && (watermark is null || r.WrittenAt() > watermark)));
        }

        var newest = rows.Count == 0 ? null : rows.Max(r => r.WrittenAt());
        var digest = DigestBuilder.Build(subscription, watchlist.Names, rows, watermark ?? from, to);
        var health = await HealthAsync(subscription, watermark ?? from, cancellationToken).ConfigureAwait(false);
        return (digest with { Health = health, ConfigurationProblems = configuration.Problems }, newest);
    }

    /// <summary>The subscription's feeds (all feeds when it names none) that are failing or brought nothing new since <paramref name="since"/>.</summary>
    private async Task<IReadOnlyList<FeedHealth>> HealthAsync(Subscription subscription, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var feeds = await configuration.GetFeedsAsync(cancellationToken).ConfigureAwait(false);
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
                health.Add(new FeedHealth(feed.Id, state.LastNewItemAt is { } last ? $"nothing new since {last.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "nothing new yet"));
            }
        }

        return health;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Another process is sending digests; this occurrence is left to it")]
    private partial void LogSkipped();

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest for {SubscriptionId} via {Channel}: {Items} articles, stored at {BlobPath}")]
    private partial void LogDigest(string subscriptionId, string channel, int items, string blobPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest for {SubscriptionId} via {Channel} not delivered, the next run retries: {Error}")]
    private partial void LogDeliveryFailed(string subscriptionId, string channel, string error);
}
