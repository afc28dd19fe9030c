using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using NewsMonitor.Configuration;
using NewsMonitor.Watchlists.Queries;

namespace NewsMonitor.Watchlists;

/// <summary>Reads a watchlist JSON document and reports every problem in it at once, never just the first.</summary>
public static class WatchlistLoader
{
    /// <summary>
    /// Terms and @figures one topic or alert query may hold: Lucene's and Elasticsearch's default maximum clause count.
    /// Real queries use a few dozen; a longer list belongs in several topics, and it keeps every article's evaluation cheap.
    /// </summary>
    public const int MaxTermsPerQuery = 1024;

    private static readonly string[] RootKeys = ["figures", "topics", "alerts"];
    private static readonly string[] FigureKeys = ["id", "name", "aliases", "caseSensitive", "exclude", "blockFeeds"];
    private static readonly string[] QueryEntityKeys = ["id", "name", "query", "priority", "blockFeeds"];

    public static Watchlist Parse(ReadOnlySpan<byte> json, string source)
    {
        // Editors on Windows save UTF-8 with a byte-order mark, which is not JSON.
        if (json.StartsWith(System.Text.Encoding.UTF8.Preamble))
        {
            json = json[System.Text.Encoding.UTF8.Preamble.Length..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new WatchlistException(source, [$"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message}"]);
        }

        using (document)
        {
            var problems = new List<string>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new WatchlistException(source, ["the document must be an object with \"figures\", \"topics\" and \"alerts\""]);
            }

            problems.AddRange(UnknownKeys.In(root, string.Empty, RootKeys, StringComparer.Ordinal));
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var figures = ReadArray(root, "figures", problems).Select((e, i) => ReadFigure(e, $"figures[{i}]", ids, problems)).OfType<Figure>().ToList();
            var figureIds = figures.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            var topics = ReadArray(root, "topics", problems).Select((e, i) => ReadQueryEntity(e, $"topics[{i}]", EntityKind.Topic, ids, figureIds, problems)).OfType<QueryEntity>().ToList();
            var alerts = ReadArray(root, "alerts", problems).Select((e, i) => ReadQueryEntity(e, $"alerts[{i}]", EntityKind.Alert, ids, figureIds, problems)).OfType<QueryEntity>().ToList();
            if (problems.Count > 0)
            {
                throw new WatchlistException(source, problems);
            }

            var version = Convert.ToHexStringLower(SHA256.HashData(json))[..12];
            return new Watchlist(figures, topics, alerts, version);
        }
    }

    private static List<JsonElement> ReadArray(JsonElement root, string name, List<string> problems)
    {
        if (!root.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{name}: must be an array");
            return [];
        }

        return array.EnumerateArray().ToList();
    }

    private static Figure? ReadFigure(JsonElement element, string path, HashSet<string> ids, List<string> problems)
    {
        var before = problems.Count;
        var id = ReadId(element, path, ids, problems);
        var label = id is null ? path : $"{path} ({id})";
        problems.AddRange(UnknownKeys.In(element, label, FigureKeys, StringComparer.Ordinal));
        var name = ReadString(element, "name", label, required: true, problems);
        var aliases = ReadStrings(element, "aliases", label, problems);
        var caseSensitive = ReadStrings(element, "caseSensitive", label, problems);
        var exclude = ReadStrings(element, "exclude", label, problems);
        var blockFeeds = ReadFeedIds(element, label, problems);
        if (name is not null && !HasWord(name))
        {
            problems.Add($"{label}.name: must contain at least one letter or digit");
        }

        var exactNames = caseSensitive.Select(n => n.Value).ToList();
        if (name is not null && HasWord(name) && FloodingNames.ProblemWithName(name, exactNames) is { } nameProblem)
        {
            problems.Add($"{label}.name: {nameProblem}");
        }

        foreach (var (alias, index) in aliases)
        {
            if (FloodingNames.ProblemWithName(alias, exactNames) is { } problem)
            {
                problems.Add($"{label}.aliases[{index}]: {problem}");
            }
        }

        foreach (var (exact, index) in caseSensitive)
        {
            if (FloodingNames.ProblemWithCaseSensitive(exact) is { } problem)
            {
                problems.Add($"{label}.caseSensitive[{index}]: {problem}");
            }
        }

        return problems.Count == before ? new Figure(id!, name!, Values(aliases), exactNames, Values(exclude)) { BlockFeeds = blockFeeds } : null;
    }

    private static QueryEntity? ReadQueryEntity(JsonElement element, string path, EntityKind kind, HashSet<string> ids, HashSet<string> figureIds, List<string> problems)
    {
        var before = problems.Count;
        var id = ReadId(element, path, ids, problems);
        var label = id is null ? path : $"{path} ({id})";
        problems.AddRange(UnknownKeys.In(element, label, QueryEntityKeys, StringComparer.Ordinal));
        var name = ReadString(element, "name", label, required: false, problems) ?? id;
        var queryText = ReadString(element, "query", label, required: true, problems);
        var priority = AlertPriority.Normal;
        var priorityText = ReadString(element, "priority", label, required: false, problems);
        var blockFeeds = ReadFeedIds(element, label, problems);
        // Enum.TryParse also takes "1" and "normal, high"; only a name round-trips.
        if (priorityText is not null && (!Enum.TryParse(priorityText, ignoreCase: true, out priority) || !priority.ToString().Equals(priorityText, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"{label}.priority: \"{priorityText}\" is not one of \"normal\", \"high\"");
        }

        QueryNode? query = null;
        if (queryText is not null)
        {
            try
            {
                query = QueryParser.Parse(queryText);
                var leaves = QueryNode.Leaves(query).ToList();
                if (leaves.Count > MaxTermsPerQuery)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{label}.query: {leaves.Count:N0} terms and @figures; a query may hold at most {MaxTermsPerQuery:N0} (split it into several topics or alerts)"));
                }

                foreach (var unknown in leaves.OfType<FigureNode>().Where(f => !figureIds.Contains(f.FigureId)))
                {
                    problems.Add($"{label}.query, col {unknown.Column}: unknown figure @{unknown.FigureId}");
                }
            }
            catch (QuerySyntaxException ex)
            {
                problems.Add($"{label}.query, col {ex.Column}: {ex.Reason}");
            }
        }

        return problems.Count == before ? new QueryEntity(id!, name!, kind, queryText!, query!, priority) { BlockFeeds = blockFeeds } : null;
    }

    private static string? ReadId(JsonElement element, string path, HashSet<string> ids, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: must be an object");
            return null;
        }

        var id = ReadString(element, "id", path, required: true, problems);
        if (id is null)
        {
            return null;
        }

        if (IdRule.Problem(id) is { } idProblem)
        {
            problems.Add($"{path}.id: {idProblem}");
            return null;
        }

        if (!ids.Add(id))
        {
            problems.Add($"{path}.id: duplicate id \"{id}\"");
            return null;
        }

        return id;
    }

    private static string? ReadString(JsonElement element, string property, string label, bool required, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                problems.Add($"{label}.{property}: missing");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add($"{label}.{property}: must be a non-empty string");
            return null;
        }

        return value.GetString()!.Trim();
    }

    /// <summary>The valid strings of an array with their positions in it, so later checks can name the entry.</summary>
    private static List<(string Value, int Index)> ReadStrings(JsonElement element, string property, string label, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(property, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{label}.{property}: must be an array of strings");
            return [];
        }

        var values = new List<(string, int)>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !HasWord(item.GetString()!))
            {
                problems.Add($"{label}.{property}[{index}]: must be a non-empty name with at least one letter or digit");
            }
            else
            {
                values.Add((item.GetString()!.Trim(), index));
            }

            index++;
        }

        return values;
    }

    /// <summary><c>blockFeeds</c>: ids as the feed list spells them; whether such a feed exists is the feed list's business.</summary>
    private static IReadOnlyList<string> ReadFeedIds(JsonElement element, string label, List<string> problems)
    {
        var ids = ReadStrings(element, "blockFeeds", label, problems);
        foreach (var (feedId, index) in ids.Where(entry => !IdRule.IsValid(entry.Value)))
        {
            problems.Add($"{label}.blockFeeds[{index}]: \"{feedId}\" is not a feed id ({IdRule.Description})");
        }

        // Empty is the shared empty list the records default to, so entries without a block list compare equal.
        return ids.Count == 0 ? Array.Empty<string>() : Values(ids).Distinct(StringComparer.Ordinal).ToList();
    }

    private static List<string> Values(List<(string Value, int Index)> entries) => entries.Select(e => e.Value).ToList();

    private static bool HasWord(string text) => text.Any(char.IsLetterOrDigit);
}
