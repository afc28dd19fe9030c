using System.Text.RegularExpressions;

namespace NewsMonitor.Articles;

/// <summary>White-space and case folding shared by the extraction stages.</summary>
internal static partial class TextNormaliser
{
    /// <summary>Runs of white space (no-break spaces included) become one space; the ends are trimmed.</summary>
    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>Collapsed and lower-cased, to compare a heading with the title.</summary>
    public static string Fold(string text) => Collapse(text).ToLowerInvariant();

    [GeneratedRegex(@"[\s\u00A0]+")]
    private static partial Regex Whitespace();
}
