namespace NewsMonitor.Reviews;

/// <summary>
/// A matched article's review: its current state and every action that led to it, newest first. An article nobody
/// reviewed has a null <see cref="State"/>, <see cref="By"/> and <see cref="At"/> and an empty history.
/// </summary>
/// <param name="State">null (unreviewed), <c>relevant</c> or <c>dismissed</c> (a false positive).</param>
/// <param name="Reason">Why it was dismissed.</param>
/// <param name="By">The reviewer of the last action: the signed-in name in Azure, <c>local</c> on a laptop.</param>
public sealed record Review(
    string ArticleId,
    string? State,
    bool Starred,
    string? Reason,
    string? Note,
    string? By,
    DateTimeOffset? At,
    IReadOnlyList<ReviewEntry> History)
{
    public static Review Unreviewed(string articleId) => new(articleId, null, false, null, null, null, null, []);

    /// <summary>The review whose current state is <paramref name="current"/>.</summary>
    public static Review From(string articleId, ReviewEntry? current, IReadOnlyList<ReviewEntry> history)
        => current is null
            ? Unreviewed(articleId)
            : new(articleId, current.State, current.Starred, current.Reason, current.Note, current.By, current.At, history);

    /// <summary>What a listing shows of it, or null when it is unreviewed and not starred.</summary>
    public ReviewMark? Mark => ReviewMark.Of(State, Starred);
}

/// <summary>The state after one review action, who took it and when.</summary>
public sealed record ReviewEntry(string? State, bool Starred, string? Reason, string? Note, string By, DateTimeOffset At);

/// <summary>The review state a match listing carries for each article (<see cref="Pipeline.MatchSummary.Review"/>).</summary>
public sealed record ReviewMark(string? State, bool Starred)
{
    public static ReviewMark? Of(string? state, bool starred) => state is null && !starred ? null : new ReviewMark(state, starred);
}
