using Microsoft.Extensions.Logging;
using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Channels;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Queues;
using NewsMonitor.Reading;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Delivery.Spikes;

/// <summary>
/// The <c>DeliverSpikes</c> stage: sends a spike episode to every subscription with its setting that follows the
/// entity, through the same channels as an immediate alert and once per (subscription, episode, channel) through the
/// <see cref="DeliveryLedger"/> (item <c>spike:{entityId}:{yyyyMMddTHH}</c>), so a re-queued episode or a retried
/// message sends nothing twice. The alert is one section: the entity, titled with its count and how many times usual,
/// holding the episode's strongest stories (dismissed matches left out). A channel that failed makes the message
/// throw so the queue retries it (that channel only); a channel another attempt holds, and configuration that never
/// validated, make the message wait (<see cref="MessageDeferral"/>) instead of burning its attempts.
/// </summary>
public sealed partial class SpikeDeliverer(
    MonitorConfiguration configuration,
    SpikeStore episodes,
    MatchFinder finder,
    DeliveryLedger ledger,
    MonitorStorage storage,
    MessageDeferral deferral,
    ILogger<SpikeDeliverer> logger)
{
    public const int TopStories = 5;

    /// <returns>One report per subscription the spike went to.</returns>
    /// <exception cref="DeliveryException">A channel did not accept it; the others are recorded and not sent again.</exception>
    public async Task<IReadOnlyList<DeliveryReport>> DeliverAsync(SpikeMessage message, CancellationToken cancellationToken = default)
    {
        try
        {
            return await DeliverOnceAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (ConfigurationUnavailableException ex) when (!cancellationToken.IsCancellationRequested)
        {
            await deferral.DeferAsync(storage.SpikesQueue, message, message.History, MessageDeferral.Configuration, ex.Message, cancellationToken).ConfigureAwait(false);
            return [];
        }
    }

    private async Task<IReadOnlyList<DeliveryReport>> DeliverOnceAsync(SpikeMessage message, CancellationToken cancellationToken)
    {
        var episode = await episodes.GetAsync(message.EntityId, message.Setting, message.Start, cancellationToken).ConfigureAwait(false)
            ?? throw new PipelineException($"DeliverSpikes: no spike episode of \"{message.EntityId}\" at setting \"{message.Setting}\" starting {message.Start:yyyy-MM-ddTHH:mm}Z is stored");
        var watchlist = (await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false)).Watchlist;
        var subscriptions = SpikeSubscribers.Of(await configuration.GetSubscriptionsAsync(cancellationToken).ConfigureAwait(false), watchlist, episode.EntityId, episode.Setting);
        var note = SpikeSubscribers.Note(episode, watchlist);
        var reports = new List<DeliveryReport>();
        foreach (var subscription in subscriptions)
        {
            var content = await AlertAsync(subscription, episode, note, cancellationToken).ConfigureAwait(false);
            reports.Add(await ledger.DeliverAsync(subscription, DeliveryItemKey.Spike(episode.EntityId, episode.Start), content, cancellationToken).ConfigureAwait(false));
        }

        if (!await deferral.SettleDeliveriesAsync(storage.SpikesQueue, message, message.History, reports, cancellationToken).ConfigureAwait(false))
        {
            return reports;
        }

        await episodes.MarkDeliveredAsync(episode, cancellationToken).ConfigureAwait(false);
        LogDelivered(episode.EntityId, episode.Setting, episode.Start, subscriptions.Count);
        return reports;
    }

    /// <summary>The alert as a one-section digest: the spike's headline, and the strongest stories of its window so far that the subscription takes.</summary>
    private async Task<Digest> AlertAsync(Subscription subscription, SpikeEpisode episode, SpikeNote note, CancellationToken cancellationToken)
    {
        var from = episode.Start.AddHours(1 - SpikeDetector.WindowHours);
        var to = episode.LastFired.AddHours(1);
        var query = new MatchQuery([episode.EntityId], from, to, TopStories) { ByScore = true, MinScore = subscription.MinScore, Feeds = subscription.Feeds, Categories = subscription.Categories };
        var stories = (await finder.FindAsync(query, cancellationToken).ConfigureAwait(false)).Items;
        var items = stories.Select(s => new DigestItem(
            s.ArticleId,
            s.Title,
            s.Url,
            s.FeedId,
            s.Published,
            s.MatchedAt,
            s.Entities.FirstOrDefault(e => e.Id == episode.EntityId)?.Score ?? 0,
            s.Snippet,
            s.SnippetOffset,
            s.SnippetLength,
            [])
        {
            Backfilled = s.Backfilled,
        }).ToList();
        return new Digest(subscription.Id, $"{subscription.Name} — spike: {note.Headline}", from, to, [new DigestSection(episode.EntityId, note.EntityName, items)])
        {
            Spikes = [note],
            TimeZone = subscription.TimeZone,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Spike of {EntityId} ({Setting}) from {Start} delivered to {Subscriptions} subscription(s)")]
    private partial void LogDelivered(string entityId, string setting, DateTimeOffset start, int subscriptions);
}
