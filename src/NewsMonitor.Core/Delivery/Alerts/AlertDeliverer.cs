using Microsoft.Extensions.Logging;
using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Channels;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Feeds;
using NewsMonitor.Queues;
using NewsMonitor.Reviews;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Delivery.Alerts;

/// <summary>
/// The <c>DeliverAlerts</c> stage: sends an article that matched a high-priority alert rule to every <c>immediate</c>
/// subscription that wants it, quiet hours or not, once per (subscription, article, channel) through the
/// <see cref="DeliveryLedger"/> (item <c>alert:{articleId}</c>): a channel that failed makes the message throw so the
/// queue retries it, and the retry sends to that channel only. A channel another attempt is sending to defers the
/// message until that claim completes or lapses, rather than burning its attempts. An article a reviewer dismissed
/// before its alert went out is not sent: the state is read once per message, before any send.
/// What a subscription takes is decided on the alert rules' own index rows, as digests decide
/// (<see cref="Subscription.Takes"/>): a match a backfill found is not sent as news unless the subscription includes
/// backfilled matches, and a rule taken off the watchlist (<see cref="LiveEntities"/>) or no longer matching sends nothing.
/// </summary>
public sealed partial class AlertDeliverer(
    MonitorConfiguration configuration,
    MatchStore matches,
    MonitorStorage storage,
    ReviewStore reviews,
    DeliveryLedger ledger,
    MessageDeferral deferral,
    ILogger<AlertDeliverer> logger)
{
    /// <summary>
    /// Delivers one alert. While the watchlist or subscriptions have never validated, the message waits
    /// (<see cref="MessageDeferral"/>) rather than using up its attempts.
    /// </summary>
    /// <returns>One report per subscription the alert was for, with each channel's outcome.</returns>
    /// <exception cref="DeliveryException">A channel did not accept it; the others are recorded and not sent again.</exception>
    public async Task<IReadOnlyList<DeliveryReport>> DeliverAsync(AlertMessage message, CancellationToken cancellationToken = default)
    {
        try
        {
            return await DeliverOnceAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (ConfigurationUnavailableException ex) when (!cancellationToken.IsCancellationRequested)
        {
            await deferral.DeferAsync(storage.AlertsQueue, message, message.History, MessageDeferral.Configuration, ex.Message, cancellationToken).ConfigureAwait(false);
            return [];
        }
    }

    private async Task<IReadOnlyList<DeliveryReport>> DeliverOnceAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        if (!ArticleId.IsValid(message.ArticleId))
        {
            throw new PipelineException($"DeliverAlerts: alert message has an invalid article id \"{message.ArticleId}\"");
        }

        var article = await matches.GetArticleAsync(message.ArticleId, cancellationToken).ConfigureAwait(false)
            ?? throw new PipelineException($"DeliverAlerts: article {message.ArticleId} is not stored");
        if (await reviews.GetCurrentAsync(article.ArticleId, cancellationToken).ConfigureAwait(false) is { State: ReviewStates.Dismissed } review)
        {
            LogDismissed(article.ArticleId, review.By);
            return [];
        }

        var watchlist = (await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false)).Watchlist;
        var live = new LiveEntities(watchlist);
        var alertRows = new List<MatchIndexRow>();
        foreach (var alertId in message.AlertIds.Where(live.Contains).Distinct(StringComparer.Ordinal))
        {
            if (await matches.GetRowAsync(alertId, article, cancellationToken).ConfigureAwait(false) is { } row && live.Show(row))
            {
                alertRows.Add(row);
            }
        }

        var reports = new List<DeliveryReport>();
        foreach (var subscription in await configuration.GetSubscriptionsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (subscription.Frequency.Cadence != DigestCadence.Immediate)
            {
                continue;
            }

            var categories = await configuration.GetFeedCategoriesAsync(subscription.Categories, cancellationToken).ConfigureAwait(false);
            var wanted = alertRows.Where(row => subscription.Takes(row, categories)).ToList();
            if (wanted.Count == 0)
            {
                continue;
            }

            var report = await ledger.DeliverAsync(subscription, DeliveryItemKey.Alert(article.ArticleId), AlertDigest(subscription, article, wanted, live, watchlist), cancellationToken).ConfigureAwait(false);
            if (report.Channels.Any(c => c.Status == DeliveryStatus.Sent))
            {
                LogAlert(subscription.Id, article.ArticleId, message.AlertIds);
            }

            reports.Add(report);
        }

        await deferral.SettleDeliveriesAsync(storage.AlertsQueue, message, message.History, reports, cancellationToken).ConfigureAwait(false);
        return reports;
    }
    private static Digest AlertDigest(Subscription subscription, StoredArticle article, IReadOnlyList<MatchIndexRow> alertRows, LiveEntities live, Watchlist watchlist)
    {
        var row = alertRows.OrderByDescending(r => r.Score).ThenBy(r => r.PartitionKey, StringComparer.Ordinal).First();
        var alert = article.Entities.FirstOrDefault(e => e.Id == row.PartitionKey);
        var name = watchlist.Names.GetValueOrDefault(row.PartitionKey, alert?.Name ?? row.PartitionKey);
        var mention = article.Mentions.FirstOrDefault(m => m.EntityId == row.PartitionKey);
        var others = article.Entities.Where(e => e.Id != row.PartitionKey && live.Contains(e.Id)).Select(e => watchlist.Names.GetValueOrDefault(e.Id, e.Name)).ToList();
        var item = new DigestItem(
            article.ArticleId,
            article.Title,
            article.Url.AbsoluteUri,
            article.FeedId,
            article.Published,
            article.DiscoveredAt,
            row.Score,
            mention?.Snippet ?? string.Empty,
            mention?.SnippetOffset ?? 0,
            mention?.Length ?? 0,
            others)
        {
            Backfilled = row.Backfilled,
        };
        return new Digest(subscription.Id, $"{subscription.Name} — alert: {name}", article.DiscoveredAt, article.MatchedAt, [new DigestSection(row.PartitionKey, name, [item])])
        {
            TimeZone = subscription.TimeZone,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert for article {ArticleId} not sent: {Reviewer} dismissed it first")]
    private partial void LogDismissed(string articleId, string reviewer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert for {SubscriptionId}: article {ArticleId} ({AlertIds})")]
    private partial void LogAlert(string subscriptionId, string articleId, IReadOnlyList<string> alertIds);
}
