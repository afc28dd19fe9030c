using NewsMonitor.Matching;

namespace NewsMonitor.Watchlists;

/// <summary>
/// Figure names that would match almost every article — one letter or a stop word — and the only way to keep one:
/// listed in <c>caseSensitive</c> in a spelling with a capital letter ("X", "US"), which then matches only that spelling.
/// </summary>
internal static class FloodingNames
{
    /// <summary>The problem with a name or alias, or null when it is specific enough.</summary>
    public static string? ProblemWithName(string name, IReadOnlyCollection<string> caseSensitive)
    {
        if (Reason(name) is not { } reason || (HasCapital(name) && caseSensitive.Contains(name, StringComparer.Ordinal)))
        {
            return null;
        }

        var advice = HasCapital(name) ? "list it" : $"list \"{name.ToUpperInvariant()}\"";
        return $"\"{name}\" would match almost every article ({reason}); {advice} in \"caseSensitive\" to match only that spelling, or remove it";
    }

    /// <summary>The problem with a <c>caseSensitive</c> entry, or null: in lower case even an exact match floods.</summary>
    public static string? ProblemWithCaseSensitive(string name)
        => Reason(name) is { } reason && !HasCapital(name)
            ? $"\"{name}\" would match almost every article even in exactly this spelling ({reason}); list \"{name.ToUpperInvariant()}\" instead, or remove it"
            : null;

    /// <summary>Why <paramref name="name"/> floods, or null: only a single word can (a phrase of common words is rare as a phrase).</summary>
    private static string? Reason(string name)
    {
        var words = Tokenizer.FoldedWords(name);
        if (words.Length != 1)
        {
            return null;
        }

        var word = words[0];
        if (word.Length == 1)
        {
            return char.IsLetter(word[0]) ? "a single letter" : "a single character";
        }

        return StopWords.Find(word) switch
        {
            null => null,
            { } stop when string.Equals(stop, name.Trim(), StringComparison.OrdinalIgnoreCase) => "a stop word",
            { } stop => $"to the matcher it is the stop word \"{stop}\"",
        };
    }

    private static bool HasCapital(string name) => name.Any(char.IsUpper);
}
