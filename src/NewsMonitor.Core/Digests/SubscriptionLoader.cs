using NewsMonitor.Configuration;

namespace NewsMonitor.Digests;

/// <summary>Reads <c>subscriptions.json</c> (<c>{"subscriptions":[{"id","name","entities","minScore"}]}</c>).</summary>
public static class SubscriptionLoader
{
    public static IReadOnlyList<Subscription> Parse(string json, string source)
    {
        var document = ConfigFile.Deserialize<Document>(json, source, "subscriptions file");

        var problems = new List<string>();
        var result = new List<Subscription>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var entries = document?.Subscriptions ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry is null)
            {
                problems.Add($"subscriptions[{i}]: must be an object");
            }
            else if (!ConfigFile.IsValidId(entry.Id))
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
