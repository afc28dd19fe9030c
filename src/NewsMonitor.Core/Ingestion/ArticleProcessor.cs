using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsMonitor.Archive;
using NewsMonitor.Articles;
using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Alerts;
using NewsMonitor.Delivery.Spikes;
using NewsMonitor.Feeds;
using NewsMonitor.Queues;
using NewsMonitor.Storage;
using NewsMonitor.Telemetry;
using NewsMonitor.Watchlists;
using NewsMonitor.Escaping;

namespace NewsMonitor.Ingestion;

/// <summary>
/// The <c>ExtractMentions</c> stage: gets the article's text (the feed's own when it is long enough, else the page's main
/// text, else the feed summary), keeps it in the archive, matches the watchlist, stores a match as blob + index rows
/// + hour counts, and checks its entities for a spike (<see cref="SpikeWatcher"/>). Idempotent.
/// </summary>
public sealed partial class ArticleProcessor(
    MonitorConfiguration configuration,
    ArticleSource articles,
    MatchStore matches,
    SeenArticleStore seen,
    MonitorStorage storage,
    TimeProvider clock,
    IOptions<MonitorOptions> options,
    MessageDeferral deferral,
    ArticleArchive archive,
    SpikeWatcher spikes,
    PipelineMetrics metrics,
    ILogger<ArticleProcessor> logger)
{
    /// <summary>
    /// Processes one article. A fault that is not the article's — a watchlist that never validated, storage out of
    /// reach — puts the message back to wait (<see cref="MessageDeferral"/>) instead of spending one of its attempts.
    /// </summary>
    public async Task<ArticleOutcome> ProcessAsync(ArticleMessage message, CancellationToken cancellationToken = default)
    {
        using var activity = PipelineMetrics.Source.StartActivity(nameof(ProcessAsync))?.SetTag("article.id", message.ArticleId).SetTag("feed.id", message.FeedId);
        try
        {
            var outcome = await ProcessOnceAsync(message, cancellationToken).ConfigureAwait(false);
            if (!outcome.AlreadyProcessed)
            {
                var name = outcome.Matched ? PipelineMetrics.Outcomes.Matched : outcome.DuplicateOf is null ? PipelineMetrics.Outcomes.Unmatched : PipelineMetrics.Outcomes.Duplicate;
                metrics.ArticleProcessed(name, message.Published, clock.GetUtcNow());
            }

            return outcome;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && MessageDeferral.WaitsFor(ex, message.History) is { } reason)
        {
            await deferral.DeferAsync(storage.ArticlesQueue, message, message.History, reason, ex.Message, cancellationToken).ConfigureAwait(false);
            return new ArticleOutcome(message.ArticleId, false, 0, TextOrigin.Feed) { DeferredFor = reason };
        }
    }

    private async Task<ArticleOutcome> ProcessOnceAsync(ArticleMessage message, CancellationToken cancellationToken)
    {
        Validate(message);
        var record = await seen.GetAsync(message.ArticleId, cancellationToken).ConfigureAwait(false);
        if (record?.Status is SeenStatus.Matched or SeenStatus.Unmatched or SeenStatus.Duplicate)
        {
            // Queue delivery is at-least-once: a second message for a finished article changes nothing.
            LogAlreadyProcessed(message.ArticleId, record.Status);
            return new ArticleOutcome(message.ArticleId, record.Status == SeenStatus.Matched, 0, TextOrigin.Feed, AlreadyProcessed: true);
        }

        // A poll that was retried after queuing can send the same article twice with different discovery times; the
        // time recorded in SeenArticles is the one both copies index under, so the index keys (time + id) agree.
        if (record is { Status: SeenStatus.Queued })
        {
            message = message with { DiscoveredAt = record.FirstSeen };
        }

        var matcher = await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false);
        var (text, origin, page) = await ReadTextAsync(message, cancellationToken).ConfigureAwait(false);
        if (await DuplicateOfAsync(message, page, cancellationToken).ConfigureAwait(false) is { } original)
        {
            await seen.MarkDuplicateAsync(message.ArticleId, original, cancellationToken).ConfigureAwait(false);
            LogDuplicate(message.ArticleId, new MaskedUrl(message.Url), original);
            return new ArticleOutcome(message.ArticleId, false, 0, origin, original);
        }

        var result = matcher.Match(text, message.FeedId);

        // Before the article is marked done, so an article marked done is always in the archive.
        var archived = new ArchivedArticle(
            message.ArticleId,
            message.FeedId,
            message.Url,
            message.CanonicalUrl,
            text.Title,
            message.Published ?? page?.Published,
            message.DiscoveredAt,
            clock.GetUtcNow(),
            origin,
            page?.Byline,
            page?.Language ?? message.FeedLanguage,
            text.Body,
            matcher.Watchlist.Version);
        await archive.AddAsync(archived, cancellationToken).ConfigureAwait(false);

        if (!result.IsMatch)
        {
            await seen.MarkProcessedAsync(message.ArticleId, SeenStatus.Unmatched, null, cancellationToken).ConfigureAwait(false);
            LogUnmatched(message.ArticleId, new MaskedUrl(message.Url));
            return new ArticleOutcome(message.ArticleId, false, 0, origin);
        }

        var stored = StoredArticle.Of(archived, archived.ProcessedAt, matcher.Watchlist.Version, result);
        var path = await matches.SaveAsync(stored, cancellationToken).ConfigureAwait(false);

        // After the hour recount that SaveAsync ends with, and before the article is marked done: a stop in between
        // redelivers the article, whose check finds the episode it opened still pending and queues it.
        await spikes.CheckAsync(stored.Entities, stored.DiscoveredAt, cancellationToken).ConfigureAwait(false);
        await seen.MarkProcessedAsync(message.ArticleId, SeenStatus.Matched, path, cancellationToken).ConfigureAwait(false);
        var urgent = matcher.Watchlist.Alerts.Where(a => a.Priority == AlertPriority.High && result.Entities.Any(e => e.Id == a.Id)).Select(a => a.Id).ToList();
        if (urgent.Count > 0)
        {
            var alert = new AlertMessage(message.ArticleId, urgent, stored.MatchedAt);
            await storage.AlertsQueue.SendMessageAsync(JsonSerializer.Serialize(alert, JsonDefaults.Options), cancellationToken).ConfigureAwait(false);
        }

        LogMatched(message.ArticleId, new MaskedUrl(message.Url), result.Entities.Count, path);
        return new ArticleOutcome(message.ArticleId, true, result.Entities.Count, origin);
    }

    private async Task<(ArticleText Text, TextOrigin Origin, ExtractedPage? Page)> ReadTextAsync(ArticleMessage message, CancellationToken cancellationToken)
    {
        var summary = message.Summary ?? string.Empty;
        if (CountWords(summary) >= options.Value.FullTextMinWords)
        {
            return (new ArticleText(message.Title ?? string.Empty, summary), TextOrigin.Feed, null);
        }

        try
        {
            var page = await articles.FetchPageAsync(message.Url, cancellationToken).ConfigureAwait(false);
            if (page.Text.Length > summary.Length)
            {
                return (new ArticleText(message.Title ?? page.Title, page.Text), TextOrigin.Page, page);
            }
        }
        catch (HttpRequestException ex)
        {
            LogPageFailed(message.ArticleId, new MaskedUrl(message.Url), ex.Message);
        }

        return (new ArticleText(message.Title ?? string.Empty, summary), TextOrigin.FeedSummary, null);
    }

    /// <summary>The article already kept for this page's canonical URL, when it is not this one.</summary>
    private async Task<string?> DuplicateOfAsync(ArticleMessage message, ExtractedPage? page, CancellationToken cancellationToken)
    {
        // A canonical link to the site's front page is a common misconfiguration, not a statement that every article is one story.
        if (page?.CanonicalUrl is not { } declared || (declared.Scheme != Uri.UriSchemeHttp && declared.Scheme != Uri.UriSchemeHttps) || declared.AbsolutePath == "/")
        {
            return null;
        }

        var canonical = CanonicalUrl.Normalize(declared);
        var canonicalId = ArticleId.FromCanonicalUrl(canonical);
        if (canonicalId == message.ArticleId)
        {
            return null;
        }

        var owner = await seen.ClaimCanonicalAsync(canonicalId, canonical, message.ArticleId, message.FeedId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return owner == message.ArticleId ? null : owner;
    }

    private static void Validate(ArticleMessage message)
    {
        if (!ArticleId.IsValid(message.ArticleId))
        {
            throw new PipelineException($"ExtractMentions: article message for {UrlCredentials.Masked(message.Url)} has an invalid id \"{message.ArticleId}\"");
        }

        if (string.IsNullOrEmpty(message.FeedId) || !message.Url.IsAbsoluteUri)
        {
            throw new PipelineException($"ExtractMentions: article {message.ArticleId} has no feed id or no absolute URL");
        }
    }

    private static int CountWords(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isWordChar = char.IsLetterOrDigit(c);
            if (isWordChar && !inWord)
            {
                words++;
            }

            inWord = isWordChar;
        }

        return words;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {ArticleId} ({Url}) matched {Entities} entities, stored at {BlobPath}")]
    private partial void LogMatched(string articleId, MaskedUrl url, int entities, string blobPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {ArticleId} was already processed ({Status}); this delivery is ignored")]
    private partial void LogAlreadyProcessed(string articleId, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {ArticleId} ({Url}) is the story already kept as {Original}")]
    private partial void LogDuplicate(string articleId, MaskedUrl url, string original);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Article {ArticleId} ({Url}) matched nothing")]
    private partial void LogUnmatched(string articleId, MaskedUrl url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {ArticleId}: page {Url} could not be fetched, matching the feed summary instead: {Error}")]
    private partial void LogPageFailed(string articleId, MaskedUrl url, string error);
}
