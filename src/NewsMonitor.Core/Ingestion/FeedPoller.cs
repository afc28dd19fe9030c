using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsMonitor.Articles;
using NewsMonitor.Configuration;
using NewsMonitor.Feeds;
using NewsMonitor.Http;
using NewsMonitor.Storage;
using NewsMonitor.Telemetry;
using NewsMonitor.Escaping;

namespace NewsMonitor.Ingestion;

/// <summary>
/// The <c>PollFeed</c> stage: a conditional GET of one feed, parse, and one <see cref="ArticleMessage"/> per item not
/// seen before. Feed failures are recorded in <see cref="FeedState"/> with a backoff, never thrown: a dead or broken
/// feed must not poison the queue. Storage failures are thrown so the host retries the message.
/// </summary>
public sealed partial class FeedPoller(
    HttpFetcher fetcher,
    MonitorStorage storage,
    FeedStateStore states,
    SeenArticleStore seen,
    TimeProvider clock,
    IOptions<MonitorOptions> options,
    PipelineMetrics metrics,
    ILogger<FeedPoller> logger)
{
    public async Task<PollOutcome> PollAsync(FeedMessage message, CancellationToken cancellationToken = default)
    {
        using var activity = PipelineMetrics.Source.StartActivity(nameof(PollAsync))?.SetTag("feed.id", message.FeedId);
        var now = clock.GetUtcNow();
        var state = await states.GetAsync(message.FeedId, cancellationToken).ConfigureAwait(false) ?? new FeedState { RowKey = message.FeedId };
        state.Url = message.Url.AbsoluteUri;
        state.LastPolledAt = now;

        ParsedFeed feed;
        string hash;
        TimeSpan? freshFor;
        try
        {
            var response = await fetcher.GetAsync(HttpClientNames.Feeds, message.Url, state.HttpETag, state.HttpLastModified, cancellationToken).ConfigureAwait(false);
            // The feed's own ttl outranks the server's cache headers; a 304 reuses the ttl of the last full answer.
            freshFor = response.FreshFor;
            var feedHint = state.UpdateIntervalSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            if (response.NotModified)
            {
                await RecordSuccessAsync(state, now, feedHint ?? freshFor, cancellationToken).ConfigureAwait(false);
                LogNotModified(message.FeedId);
                return new PollOutcome(message.FeedId, true, 0, 0, null);
            }

            state.HttpETag = response.ETag;
            state.HttpLastModified = response.LastModified;
            hash = Convert.ToHexStringLower(SHA256.HashData(response.Body));
            if (hash == state.ContentHash)
            {
                await RecordSuccessAsync(state, now, feedHint ?? freshFor, cancellationToken).ConfigureAwait(false);
                LogNotModified(message.FeedId);
                return new PollOutcome(message.FeedId, true, 0, 0, null);
            }

            feed = FeedParser.Parse(response.Body, response.FinalUrl, response.Charset);
        }
        catch (Exception ex) when (ex is HttpRequestException or FeedParseException)
        {
            var permanent = ex is FeedParseException || (ex is HttpRequestException { StatusCode: HttpStatusCode.NotFound or HttpStatusCode.Gone or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden });
            await RecordFailureAsync(state, now, ex.Message, permanent, (ex as FetchFailedException)?.RetryAfter, cancellationToken).ConfigureAwait(false);
            LogPollFailed(message.FeedId, new MaskedUrl(message.Url), state.ConsecutiveFailures, ex.Message);
            metrics.FeedFetchFailed(message.FeedId, ex is FeedParseException ? "parse" : ex is HttpRequestException { StatusCode: { } status } ? ((int)status).ToString(CultureInfo.InvariantCulture) : "network");
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            return new PollOutcome(message.FeedId, false, 0, 0, ex.Message);
        }

        var newItems = 0;
        var queued = new HashSet<string>(StringComparer.Ordinal);
        var pollId = $"{message.FeedId}@{message.ScheduledAt.UtcTicks}";
        foreach (var entry in feed.Items)
        {
            if (entry.Link is null)
            {
                LogItemWithoutLink(message.FeedId, entry.Id);
                continue;
            }

            var canonical = CanonicalUrl.Normalize(entry.Link);
            var articleId = ArticleId.FromCanonicalUrl(canonical);
            if (!queued.Add(articleId) || !await seen.ClaimForQueueAsync(articleId, message.FeedId, entry.Link, now, pollId, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var summary = HtmlText.ToPlainText(entry.Content ?? entry.Summary ?? string.Empty);
            var article = new ArticleMessage(
                articleId,
                message.FeedId,
                entry.Link,
                canonical,
                entry.Title is null ? null : HtmlText.ToPlainText(entry.Title),
                summary.Length == 0 ? null : summary[..Math.Min(summary.Length, ArticleMessage.MaxSummaryLength)],
                entry.Published,
                now)
            {
                FeedLanguage = message.Language,
            };

            // Claimed, then queued: a crash in between leaves the claim to this poll, whose redelivery sends it.
            await storage.ArticlesQueue.SendMessageAsync(JsonSerializer.Serialize(article, JsonDefaults.Options), cancellationToken).ConfigureAwait(false);
            newItems++;
        }

        state.ContentHash = hash;
        state.ItemsSeen += newItems;
        if (newItems > 0)
        {
            state.LastNewItemAt = now;
        }

        state.UpdateIntervalSeconds = feed.UpdateInterval?.TotalSeconds;
        await RecordSuccessAsync(state, now, feed.UpdateInterval ?? freshFor, cancellationToken).ConfigureAwait(false);
        LogPolled(message.FeedId, feed.Items.Count, newItems);
        return new PollOutcome(message.FeedId, false, feed.Items.Count, newItems, null);
    }

    private Task RecordSuccessAsync(FeedState state, DateTimeOffset now, TimeSpan? hint, CancellationToken cancellationToken)
    {
        state.LastSuccessAt = now;
        state.ConsecutiveFailures = 0;
        state.LastError = null;
        state.NextPollAt = now + PollTiming.AfterSuccess(hint, options.Value);
        return states.SaveAsync(state, cancellationToken);
    }

    private Task RecordFailureAsync(FeedState state, DateTimeOffset now, string error, bool permanent, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        state.ConsecutiveFailures++;
        // Kept in FeedState and shown by `monitor feeds` and the API: never with a feed's credentials.
        error = UrlCredentials.MaskedIn(error);
        state.LastError = error.Length > 1000 ? error[..1000] : error;
        state.NextPollAt = now + PollTiming.AfterFailure(state.ConsecutiveFailures, permanent, retryAfter, options.Value);
        return states.SaveAsync(state, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {FeedId} not modified")]
    private partial void LogNotModified(string feedId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {FeedId}: {Items} items, {NewItems} new")]
    private partial void LogPolled(string feedId, int items, int newItems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {FeedId} ({FeedUrl}) failed {Failures} time(s) in a row: {Error}")]
    private partial void LogPollFailed(string feedId, MaskedUrl feedUrl, int failures, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {FeedId}: item {ItemId} has no http(s) link and was skipped")]
    private partial void LogItemWithoutLink(string feedId, string itemId);
}
