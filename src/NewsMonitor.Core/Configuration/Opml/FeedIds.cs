using System.Globalization;
using System.Text;

namespace NewsMonitor.Configuration.Opml;

/// <summary>
/// Makes an <see cref="IdRule"/> id for an imported feed from its title (<c>BBC News – World</c> → <c>bbc-news-world</c>),
/// else its host, unique among <paramref name="taken"/> by a <c>-2</c>, <c>-3</c>… suffix.
/// </summary>
internal static class FeedIds
{
    public static string Make(string? title, Uri url, ISet<string> taken)
    {
        var stem = Slug(title);
        if (stem.Length == 0)
        {
            stem = Slug(url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host);
        }

        if (stem.Length == 0)
        {
            stem = "feed";
        }

        var id = stem;
        for (var n = 2; taken.Contains(id); n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            id = stem[..Math.Min(stem.Length, IdRule.MaxLength - suffix.Length)].TrimEnd('-') + suffix;
        }

        return id;
    }

    /// <summary>Lower-case ASCII letters and digits, accents dropped (é → e), every other run of characters one '-'.</summary>
    internal static string Slug(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var slug = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString();
        return result[..Math.Min(result.Length, IdRule.MaxLength)].Trim('-');
    }
}
