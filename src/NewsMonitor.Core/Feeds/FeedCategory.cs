namespace NewsMonitor.Feeds;

/// <summary>
/// A feed's category as feed readers name their folders: free text, nested folders joined by <c>/</c>
/// (<c>News/World</c>). Compared without regard to case, as Miniflux and FreshRSS refuse two folders differing only in case.
/// </summary>
public static class FeedCategory
{
    public const int MaxLength = 200;

    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    /// <summary>Why <paramref name="category"/> cannot be a category, naming it; null when it can.</summary>
    public static string? Problem(string category)
    {
        var segments = category.Split('/');
        return string.IsNullOrWhiteSpace(category) ? "is empty; leave the key out for no category"
            : category.Length > MaxLength ? $"\"{category[..40]}…\" has {category.Length} characters; a category has at most {MaxLength}"
            : category.Any(char.IsControl) ? $"\"{category}\" holds a control character"
            : segments.Any(string.IsNullOrWhiteSpace) ? $"\"{category}\" has an empty folder name between '/'"
            : null;
    }

    /// <summary>Folder names trimmed (<c>" News / World "</c> → <c>News/World</c>).</summary>
    public static string Normalise(string category) => string.Join('/', category.Split('/').Select(s => s.Trim()));

    /// <summary>Whether a feed filed under <paramref name="category"/> is in <paramref name="asked"/> or a folder nested inside it.</summary>
    public static bool IsIn(string? category, string asked)
        => category is not null
            && (Comparer.Equals(category, asked) || category.StartsWith(asked + "/", StringComparison.OrdinalIgnoreCase));
}
