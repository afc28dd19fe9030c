using Microsoft.Extensions.Logging;
using NewsMonitor.Feeds;
using NewsMonitor.Storage;

namespace NewsMonitor.Reviews;

/// <summary>
/// Triage of matched articles: reads and changes an article's review state, keeping who did what and when.
/// The review rows (<see cref="ReviewStore"/>) are the record; the state is then stamped on the article's index rows
/// (<see cref="MatchStore.StampReviewAsync"/>) so that listings, digests and entity counts leave dismissed matches out
/// without a lookup per row. A failure between the two leaves the record right and the stamp old; repeating the action
/// stamps again. After stamping, the current state is read once more and stamped again if another reviewer acted
/// meanwhile, so the last writer's state is the one the index ends with.
/// </summary>
public sealed partial class ReviewService(MatchStore matches, ReviewStore reviews, TimeProvider clock, ILogger<ReviewService> logger)
{
    /// <summary>The longest reviewer name kept (an e-mail address or a display name).</summary>
    public const int MaxReviewerLength = 256;

    private const int MaxAttempts = 5;

    /// <summary>The article's review (unreviewed when nobody acted on it), or null when no matched article has that id.</summary>
    public async Task<Review?> GetAsync(string articleId, CancellationToken cancellationToken = default)
    {
        if (!ArticleId.IsValid(articleId) || await matches.GetArticleAsync(articleId, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        return await ReadAsync(articleId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies one review action by <paramref name="reviewer"/> (see <see cref="ReviewChange"/> for what it changes and keeps).</summary>
    public async Task<ReviewResult> ApplyAsync(string articleId, ReviewChange change, string reviewer, CancellationToken cancellationToken = default)
    {
        var problems = change.Validate();
        if (!ArticleId.IsValid(articleId))
        {
            problems.Insert(0, $"articleId: \"{(articleId.Length > 40 ? articleId[..40] + "…" : articleId)}\" is not an article id (32 lower-case hex digits)");
        }

        if (string.IsNullOrWhiteSpace(reviewer) || reviewer.Length > MaxReviewerLength)
        {
            problems.Add($"reviewer: must be a name of 1 to {MaxReviewerLength} characters");
        }

        if (problems.Count > 0)
        {
            return ReviewResult.Invalid(problems);
        }

        var article = await matches.GetArticleAsync(articleId, cancellationToken).ConfigureAwait(false);
        if (article is null)
        {
            return ReviewResult.NotFound(articleId);
        }

        for (var attempt = 1; ; attempt++)
        {
            var stored = await reviews.GetAsync(articleId, cancellationToken).ConfigureAwait(false);
            var entry = change.ApplyTo(stored.Current, reviewer.Trim(), clock.GetUtcNow());
            if (await reviews.TrySaveAsync(articleId, entry, stored.ETag, cancellationToken).ConfigureAwait(false))
            {
                LogReviewed(articleId, entry.State ?? "unreviewed", entry.Starred, entry.By);
                break;
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"Review of article {articleId}: {MaxAttempts} attempts met another reviewer's change each time; try again");
            }
        }

        ReviewMark? stamped = null;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await reviews.GetCurrentAsync(articleId, cancellationToken).ConfigureAwait(false);
            var mark = current is null ? null : ReviewMark.Of(current.State, current.Starred);
            if (attempt > 1 && mark == stamped)
            {
                break;
            }

            await matches.StampReviewAsync(article, mark, cancellationToken).ConfigureAwait(false);
            stamped = mark;
        }

        return new ReviewResult(ReviewStatus.Saved, await ReadAsync(articleId, cancellationToken).ConfigureAwait(false), []);
    }

    private async Task<Review> ReadAsync(string articleId, CancellationToken cancellationToken)
    {
        var stored = await reviews.GetAsync(articleId, cancellationToken).ConfigureAwait(false);
        return Review.From(articleId, stored.Current, stored.History);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {ArticleId} reviewed: {State}, starred {Starred}, by {Reviewer}")]
    private partial void LogReviewed(string articleId, string state, bool starred, string reviewer);
}
