using System.Text.Json;

namespace NewsMonitor.Digests;

/// <summary>Reads <c>subscriptions.json</c> (<c>{"subscriptions":[{"id","name","entities","minScore"}]}</c>).</summary>
public static class SubscriptionLoader
{
    public static async Task<IReadOnlyList<Subscription>> LoadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read the subscriptions: {ex.Message}", ex);
        }

        return Parse(json, path);
    }

    public static IReadOnlyList<Subscription> Parse(string json, string source)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, JsonDefaults.Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: not a valid subscriptions file ({ex.Message})", ex);
        }

        var problems = new List<string>();
        var result = new List<Subscription>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var entries = document?.Subscriptions ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (string.IsNullOrWhiteSpace(entry.Id) || !entry.Id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                problems.Add($"subscriptions[{i}].id: must be lower-case letters, digits and '-'");
            }
            else if (!ids.Add(entry.Id))
            {
                problems.Add($"subscriptions[{i}].id: duplicate id \"{entry.Id}\"");
            }
            else if (entry.MinScore is < 0 or > 1)
            {
                problems.Add($"subscriptions[{i}] ({entry.Id}).minScore: must be between 0 and 1");
            }
            else
            {
                result.Add(new Subscription(entry.Id, entry.Name ?? entry.Id, entry.Entities ?? [], entry.MinScore ?? 0));
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{source}: {string.Join("; ", problems)}");
        }

        return result;
    }

    private sealed record Document(List<Entry>? Subscriptions);

    private sealed record Entry(string? Id, string? Name, List<string>? Entities, double? MinScore);
}
