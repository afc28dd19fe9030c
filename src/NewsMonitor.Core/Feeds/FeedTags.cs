namespace NewsMonitor.Feeds;

/// <summary>A feed's free-form labels; exported as OPML's comma-separated <c>category</c> attribute, so a tag holds no comma.</summary>
public static class FeedTags
{
    public const int MaxLength = 50;

    public static string? Problem(string? tag)
        => string.IsNullOrWhiteSpace(tag) ? "a tag is empty"
            : tag.Length > MaxLength ? $"\"{tag[..20]}…\" has {tag.Length} characters; a tag has at most {MaxLength}"
            : tag.Contains(',', StringComparison.Ordinal) ? $"\"{tag}\" holds a comma, which separates tags in OPML"
            : tag.Any(char.IsControl) ? $"\"{tag}\" holds a control character"
            : tag.Trim() != tag ? $"\"{tag}\" starts or ends with a space"
            : null;
}
