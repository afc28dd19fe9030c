namespace NewsMonitor.Reviews;

/// <summary>How a review action ended.</summary>
public enum ReviewStatus
{
    Saved,

    /// <summary>The request was wrong: <see cref="ReviewResult.Problems"/> says what, naming the property.</summary>
    Invalid,

    /// <summary>No matched article has that id.</summary>
    NotFound,
}

/// <summary>The outcome of <see cref="ReviewService.ApplyAsync"/>: the review as saved, or why nothing was saved.</summary>
public sealed record ReviewResult(ReviewStatus Status, Review? Review, IReadOnlyList<string> Problems)
{
    public static ReviewResult Invalid(IReadOnlyList<string> problems) => new(ReviewStatus.Invalid, null, problems);

    public static ReviewResult NotFound(string articleId) => new(ReviewStatus.NotFound, null, [$"articleId: no stored match with id {articleId}"]);
}
