namespace NewsMonitor.Configuration;

/// <summary>
/// The one rule for the ids a user gives entities, feeds and subscriptions: lower-case ASCII letters, digits and '-',
/// starting with a letter or digit, at most <see cref="MaxLength"/> characters. Config files, watchlist edits, query
/// parameters and purges all check with it, so an id one of them accepts is never refused by another.
/// </summary>
public static class IdRule
{
    /// <summary>Long enough for any readable name; the ids are table partition keys and URL parameters.</summary>
    public const int MaxLength = 64;

    /// <summary>What an id may hold, for messages that refuse one.</summary>
    public const string Description = "lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters";

    public static bool IsValid([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id)
        => !string.IsNullOrEmpty(id)
            && id.Length <= MaxLength
            && char.IsAsciiLetterOrDigit(id[0])
            && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>Why <paramref name="id"/> is not an id, naming it; null when it is one.</summary>
    public static string? Problem(string? id)
        => IsValid(id) ? null
            : string.IsNullOrEmpty(id) ? $"is missing; an id is {Description}"
            : id.Length > MaxLength && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') ? $"\"{id}\" has {id.Length} characters; an id has at most {MaxLength}"
            : $"\"{id}\" must be {Description}";
}
