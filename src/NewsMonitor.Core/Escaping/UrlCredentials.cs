using System.Text;
using System.Text.RegularExpressions;

namespace NewsMonitor.Escaping;

/// <summary>
/// The one rule for showing a URL in a log, an error or any output: the password of <c>user:password@</c> (or a lone
/// <c>token@</c>, which is a credential too) and the values of secret-looking query parameters (<c>token=</c>,
/// <c>sig=</c>, <c>key=</c>, <c>code=</c>…) become <c>***</c>; the rest stays as it was, so the feed is still recognisable.
/// </summary>
public static partial class UrlCredentials
{
    public const string Mask = "***";

    /// <summary>Query parameters whose whole name is a secret's (lower case).</summary>
    private static readonly HashSet<string> SecretNames = new(StringComparer.Ordinal)
    {
        "token", "sig", "signature", "key", "code", "password", "pass", "pwd", "secret", "auth", "apikey", "api_key", "api-key", "access_token", "client_secret",
        "x-amz-signature", "x-amz-credential", "x-amz-security-token", "x-goog-signature", "x-goog-credential",
    };

    /// <summary>Query parameter names ending so are secrets too (<c>refresh_token</c>, <c>subscription-key</c>).</summary>
    private static readonly string[] SecretSuffixes = ["token", "secret", "password", "signature", "_key", "-key", "apikey"];

    /// <summary><paramref name="url"/> with its credentials masked.</summary>
    public static string Masked(Uri url) => MaskedIn(url.IsAbsoluteUri ? url.AbsoluteUri : url.OriginalString);

    /// <summary>
    /// <paramref name="text"/> with the credentials of every <c>scheme://</c> URL in it masked: for messages that quote a
    /// URL among other words (exception messages, log lines, a feed list's error).
    /// </summary>
    public static string MaskedIn(string text)
        => !text.Contains("://", StringComparison.Ordinal) ? text : UrlPattern().Replace(text, match => MaskOne(match.Value));

    public static bool IsSecretParameter(string name)
    {
        var lower = name.ToLowerInvariant();
        return SecretNames.Contains(lower) || SecretSuffixes.Any(suffix => lower.EndsWith(suffix, StringComparison.Ordinal));
    }

    private static string MaskOne(string url)
    {
        // Sentence punctuation after a URL is not part of it: a masked value must not swallow the ")." that follows.
        var end = url.Length;
        while (end > 0 && ".,;:!?)]}".Contains(url[end - 1], StringComparison.Ordinal))
        {
            end--;
        }

        var trailer = url[end..];
        url = url[..end];

        var authorityStart = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart) is var stop and >= 0 ? stop : url.Length;
        var result = new StringBuilder(url.Length);
        result.Append(url, 0, authorityStart);
        var at = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        if (at >= 0)
        {
            var userInfo = url[authorityStart..at];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            result.Append(colon >= 0 ? userInfo[..(colon + 1)] + Mask : Mask);
            result.Append(url, at, authorityEnd - at);
        }
        else
        {
            result.Append(url, authorityStart, authorityEnd - authorityStart);
        }

        var rest = url[authorityEnd..];
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return result.Append(rest).Append(trailer).ToString();
        }

        var fragmentStart = rest.IndexOf('#', queryStart) is var hash and >= 0 ? hash : rest.Length;
        result.Append(rest, 0, queryStart + 1);
        result.Append(string.Join('&', rest[(queryStart + 1)..fragmentStart].Split('&').Select(MaskParameter)));
        return result.Append(rest, fragmentStart, rest.Length - fragmentStart).Append(trailer).ToString();
    }

    private static string MaskParameter(string parameter)
    {
        var eq = parameter.IndexOf('=', StringComparison.Ordinal);
        return eq > 0 && eq < parameter.Length - 1 && IsSecretParameter(Uri.UnescapeDataString(parameter[..eq])) ? parameter[..(eq + 1)] + Mask : parameter;
    }

    /// <summary>A scheme, <c>://</c>, then everything up to white space or a quote: what a message can hold of a URL.</summary>
    [GeneratedRegex("""[A-Za-z][A-Za-z0-9+.\-]*://[^\s"'<>`]+""", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
