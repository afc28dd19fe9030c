using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsMonitor.Matching;

namespace NewsMonitor.Watchlists;

/// <summary>
/// Turns a <see cref="WatchlistExclusion"/> into the exact watchlist edit, without writing anything. The document is
/// edited as a JSON tree, so every other entry and key stays as it was; it is written back indented, which loses the
/// comments and the original layout (both <see cref="WatchlistChange.Before"/> and <see cref="WatchlistChange.After"/>
/// are in that form, so a diff of the two shows only the edit). The result is validated by <see cref="WatchlistLoader"/>,
/// as <c>monitor config push</c> does.
/// </summary>
public static class WatchlistEdit
{
    /// <summary>The longest phrase an exclusion may add: a name in context, not a paragraph.</summary>
    public const int MaxPhraseLength = 200;

    private static readonly string[] Sections = ["figures", "topics", "alerts"];

    private static readonly JsonSerializerOptions Written = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonDocumentOptions Read = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static WatchlistChange Propose(ReadOnlySpan<byte> current, string source, WatchlistExclusion exclusion)
    {
        var problems = Check(exclusion);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(current, documentOptions: Read);
        }
        catch (JsonException ex)
        {
            return new WatchlistChange(exclusion.EntityId, string.Empty, Encoding.UTF8.GetString(current), string.Empty, [$"{source}: not valid JSON ({ex.Message}); fix the file first"], false);
        }

        if (root is not JsonObject document)
        {
            return new WatchlistChange(exclusion.EntityId, string.Empty, Encoding.UTF8.GetString(current), string.Empty, [$"{source}: the document must be an object with \"figures\", \"topics\" and \"alerts\""], false);
        }

        var before = Text(document);
        if (problems.Count > 0)
        {
            return new WatchlistChange(exclusion.EntityId, string.Empty, before, before, problems, false);
        }

        if (Find(document, exclusion.EntityId) is not { } found)
        {
            return new WatchlistChange(exclusion.EntityId, string.Empty, before, before, [$"entityId: \"{exclusion.EntityId}\" is not in the watchlist"], false);
        }

        var (section, index, entity) = found;

        var (list, value) = exclusion.Phrase is { } phrase ? ("exclude", phrase.Trim()) : ("blockFeeds", exclusion.FeedId!);
        var label = $"{section}[{index}] ({exclusion.EntityId})";
        var change = $"{label}.{list} += {JsonSerializer.Serialize(value, Written)}";
        if (list == "exclude" && section != "figures")
        {
            return new WatchlistChange(exclusion.EntityId, change, before, before, [$"phrase: {label} is a {section[..^1]}: only figures have an exclude list (block the feed, or narrow the query)"], false);
        }

        if (list == "exclude" && !ContainsAName(entity, value))
        {
            problems.Add($"phrase: \"{value}\" contains none of {label}'s names, so excluding it would change nothing");
        }

        var array = entity[list] as JsonArray;
        if (entity[list] is not null and not JsonArray)
        {
            problems.Add($"{label}.{list}: must be an array; fix the file first");
        }
        else if (array?.Any(item => item is JsonValue v && v.TryGetValue<string>(out var s) && string.Equals(s.Trim(), value, list == "exclude" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)) == true)
        {
            problems.Add($"{label}.{list} already holds {JsonSerializer.Serialize(value, Written)}");
        }

        if (problems.Count > 0)
        {
            return new WatchlistChange(exclusion.EntityId, change, before, before, problems, false);
        }

        if (array is null)
        {
            entity[list] = array = [];
        }

        array.Add(value);
        var after = Text(document);
        try
        {
            WatchlistLoader.Parse(Encoding.UTF8.GetBytes(after), source);
        }
        catch (WatchlistException ex)
        {
            problems.AddRange(ex.Problems);
        }

        return new WatchlistChange(exclusion.EntityId, change, before, after, problems, false);
    }

    /// <summary>Problems with the request itself, before the watchlist is looked at.</summary>
    private static List<string> Check(WatchlistExclusion exclusion)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(exclusion.EntityId))
        {
            problems.Add("entityId: missing");
        }

        if ((exclusion.Phrase is null) == (exclusion.FeedId is null))
        {
            problems.Add("body: give either a phrase (for the figure's exclude list) or a feedId (for the entity's blockFeeds list), not both");
        }
        else if (exclusion.Phrase is { } phrase)
        {
            if (!phrase.Any(char.IsLetterOrDigit) || phrase.Any(char.IsControl) || phrase.Trim().Length > MaxPhraseLength)
            {
                problems.Add($"phrase: must be one line of at most {MaxPhraseLength} characters with at least one letter or digit");
            }
        }
        else if (!Configuration.IdRule.IsValid(exclusion.FeedId))
        {
            problems.Add($"feedId: \"{exclusion.FeedId}\" is not a feed id ({Configuration.IdRule.Description})");
        }

        return problems;
    }

    private static (string Section, int Index, JsonObject Entity)? Find(JsonObject document, string entityId)
    {
        foreach (var section in Sections)
        {
            if (document[section] is not JsonArray entries)
            {
                continue;
            }

            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i] is JsonObject entity && entity["id"] is JsonValue id && id.TryGetValue<string>(out var text) && text == entityId)
                {
                    return (section, i, entity);
                }
            }
        }

        return null;
    }

    /// <summary>Whether one of the figure's names occurs in the phrase as whole words, compared as the matcher folds them.</summary>
    private static bool ContainsAName(JsonObject figure, string phrase)
    {
        var words = Tokenizer.FoldedWords(phrase);
        var names = new[] { figure["name"] }.Concat(figure["aliases"] as JsonArray ?? []).Concat(figure["caseSensitive"] as JsonArray ?? [])
            .Select(node => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)
            .OfType<string>();
        return names.Select(Tokenizer.FoldedWords).Any(name => name.Length > 0 && name.Length <= words.Length && Enumerable.Range(0, words.Length - name.Length + 1).Any(start => words.AsSpan(start, name.Length).SequenceEqual(name)));
    }

    private static string Text(JsonObject document) => document.ToJsonString(Written) + "\n";
}
