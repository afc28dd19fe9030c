using System.Security.Cryptography;
using System.Text;

namespace NewsMonitor.Feeds;

/// <summary>An article's id: the first 16 bytes of SHA-256 of its canonical URL, as 32 lower-case hex digits.</summary>
public static class ArticleId
{
    public static string FromCanonicalUrl(Uri canonicalUrl)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalUrl.AbsoluteUri)).AsSpan(0, 16));

    /// <summary>True for a string shaped like an article id; anything else is refused before it reaches storage.</summary>
    public static bool IsValid(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);
}
