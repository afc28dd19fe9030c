namespace NewsMonitor.Feeds;

/// <summary>A BCP 47 language tag as feeds declare one (<c>en</c>, <c>en-GB</c>, <c>zh-Hant-TW</c>): a 2–3 letter language, then subtags.</summary>
public static class FeedLanguage
{
    public static bool IsValid(string? tag)
    {
        var parts = tag?.Split('-');
        return parts is { Length: > 0 }
            && parts[0].Length is 2 or 3 && parts[0].All(char.IsAsciiLetter)
            && parts.Skip(1).All(p => p.Length is >= 1 and <= 8 && p.All(char.IsAsciiLetterOrDigit));
    }
}
