using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace NewsMonitor.Configuration;

/// <summary>
/// Finds keys a configuration file does not define, which would otherwise be ignored in silence (<c>"alias"</c> for
/// <c>"aliases"</c> loses every alias), and names the key it most likely meant.
/// </summary>
internal static class UnknownKeys
{
    /// <summary>One problem per key of <paramref name="element"/> that is not in <paramref name="known"/>, e.g. <c>feed: unknown key — did you mean "feeds"?</c>.</summary>
    /// <param name="path">Where the object sits (<c>figures[2] (acme)</c>); empty for the document itself.</param>
    public static IEnumerable<string> In(JsonElement element, string path, IReadOnlyList<string> known, StringComparer comparer)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, comparer))
            {
                yield return Describe(path, property.Name, known);
            }
        }
    }

    /// <summary>
    /// The unknown keys of a document bound to <paramref name="type"/> by System.Text.Json, at every level the type
    /// describes; the known names are the serializer's own, so adding a property to the type is the only change needed.
    /// </summary>
    public static List<string> In(JsonElement element, JsonTypeInfo type)
    {
        var problems = new List<string>();
        Walk(element, type, string.Empty, problems);
        return problems;
    }

    private static void Walk(JsonElement element, JsonTypeInfo type, string path, List<string> problems)
    {
        if (type.Kind == JsonTypeInfoKind.Object && element.ValueKind == JsonValueKind.Object)
        {
            var comparer = type.Options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            var known = type.Properties.Select(p => p.Name).ToList();
            problems.AddRange(In(element, path, known, comparer));
            foreach (var property in type.Properties)
            {
                var value = element.EnumerateObject().FirstOrDefault(p => comparer.Equals(p.Name, property.Name)).Value;
                Walk(value, type.Options.GetTypeInfo(property.PropertyType), Join(path, property.Name), problems);
            }
        }
        else if (type is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } elementType } && element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, type.Options.GetTypeInfo(elementType), $"{path}[{index++}]{IdOf(item)}", problems);
            }
        }
    }

    /// <summary>" (id)" for an entry with a valid id, as the loaders label entries.</summary>
    private static string IdOf(JsonElement item)
        => item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && IdRule.IsValid(id.GetString())
            ? $" ({id.GetString()})"
            : string.Empty;

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Describe(string path, string key, IReadOnlyList<string> known)
    {
        var location = Join(path, key);
        if (Suggest(key, known) is { } suggestion)
        {
            return $"{location}: unknown key — did you mean \"{suggestion}\"?";
        }

        return known.Count == 0
            ? $"{location}: unknown key; nothing is expected here"
            : $"{location}: unknown key; the keys here are {string.Join(", ", known.Select(k => $"\"{k}\""))}";
    }

    /// <summary>
    /// The known key one prefix or a couple of typos away: <c>alias</c> → <c>aliases</c>, <c>feed</c> → <c>feeds</c>,
    /// <c>nmae</c> → <c>name</c>. Case never counts. Null when nothing is that close, rather than a misleading guess.
    /// </summary>
    internal static string? Suggest(string key, IReadOnlyList<string> known)
    {
        // A key this long is no typo of a short one, and measuring it would cost its length times every candidate's.
        if (key.Length > 64)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(key.ToLowerInvariant(), candidate.ToLowerInvariant());
            var shorter = Math.Min(key.Length, candidate.Length);
            var isPrefix = shorter >= 3 && (candidate.StartsWith(key, StringComparison.OrdinalIgnoreCase) || key.StartsWith(candidate, StringComparison.OrdinalIgnoreCase));
            var close = isPrefix || distance <= Math.Min(2, Math.Max(1, key.Length / 3));
            if (close && distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    /// <summary>Edit distance with adjacent transpositions (optimal string alignment): "nmae" is one edit from "name".</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
