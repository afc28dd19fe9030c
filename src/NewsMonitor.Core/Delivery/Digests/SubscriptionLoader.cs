using System.Text.Json;
using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Spikes;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Delivery.Digests;

/// <summary>
/// Reads <c>subscriptions.json</c>: <c>{"subscriptions":[{"id","name","entities","kinds","feeds","categories","minScore","frequency",
/// "timeZone","quietHours","sendEmpty","includeBackfilled","email":[…],"webhooks":[{"url","format"}],"spikes"}]}</c>, reporting every bad entry and unknown key at once.
/// </summary>
public static class SubscriptionLoader
{
    public static IReadOnlyList<Subscription> Parse(string json, string source)
    {
        var problems = new List<string>();
        var document = ConfigFile.Deserialize<Document>(json, source, "subscriptions file", problems);

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
            else if (!IdRule.IsValid(entry.Id))
            {
                problems.Add($"subscriptions[{i}].id: {IdRule.Problem(entry.Id)}");
            }
            else if (!ids.Add(entry.Id))
            {
                problems.Add($"subscriptions[{i}].id: duplicate id \"{entry.Id}\"");
            }
            else if (Read(entry, $"subscriptions[{i}] ({entry.Id})", problems) is { } subscription)
            {
                result.Add(subscription);
            }
        }

        if (problems.Count > 0)
        {
            throw new ConfigFileException(source, "subscriptions", problems);
        }

        return result;
    }

    private static Subscription? Read(Entry entry, string label, List<string> problems)
    {
        var before = problems.Count;
        if (entry.MinScore is < 0 or > 1)
        {
            problems.Add($"{label}.minScore: must be between 0 and 1");
        }

        foreach (var category in entry.Categories ?? [])
        {
            if (NewsMonitor.Feeds.FeedCategory.Problem(category ?? string.Empty) is { } problem)
            {
                problems.Add($"{label}.categories: {problem}");
            }
        }

        var kinds = new List<EntityKind>();
        foreach (var kind in entry.Kinds ?? [])
        {
            if (EntityKinds.TryParse(kind, out var parsed))
            {
                kinds.Add(parsed);
            }
            else
            {
                problems.Add($"{label}.kinds: \"{kind}\" is not one of {EntityKinds.Names}");
            }
        }

        var frequency = DigestFrequency.Hourly;
        if (entry.Frequency is { } text && !DigestFrequency.TryParse(text, out frequency))
        {
            problems.Add($"{label}.frequency: \"{text}\" is not immediate, hourly, daily@HH:mm or weekly@ddd HH:mm");
        }

        var zone = TimeZoneInfo.Utc;
        if (entry.TimeZone is { } zoneId && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone))
        {
            problems.Add($"{label}.timeZone: \"{zoneId}\" is not an IANA time zone such as Europe/London");
        }

        QuietHours? quiet = null;
        if (entry.QuietHours is { } hours && !QuietHours.TryParse(hours, out quiet))
        {
            problems.Add($"{label}.quietHours: \"{hours}\" is not a window like 22:00-07:00");
        }

        foreach (var address in entry.Email ?? [])
        {
            if (!System.Net.Mail.MailAddress.TryCreate(address, out _))
            {
                problems.Add($"{label}.email: \"{address}\" is not an email address");
            }
        }

        var webhooks = new List<WebhookTarget>();
        foreach (var (hook, index) in (entry.Webhooks ?? []).Select((h, n) => (h, n)))
        {
            if (hook?.Url is null || !Uri.TryCreate(hook.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add($"{label}.webhooks[{index}].url: must be an absolute http(s) URL");
            }
            else if (!Enum.TryParse<WebhookFormat>(hook.Format ?? "json", ignoreCase: true, out var format) || int.TryParse(hook.Format, out _))
            {
                problems.Add($"{label}.webhooks[{index}].format: \"{hook.Format}\" is not one of json, slack, teams");
            }
            else
            {
                webhooks.Add(new WebhookTarget(url, format, hook.Signed ?? true));
            }
        }

        SpikeSettings? spikes = null;
        if (entry.Spikes is { ValueKind: not JsonValueKind.Null } spikeValue)
        {
            spikes = SpikeSettings.Parse(spikeValue, $"{label}.spikes", out var spikeProblems);
            problems.AddRange(spikeProblems);
        }

        if (frequency.Cadence == DigestCadence.Immediate && (entry.Email ?? []).Count == 0 && webhooks.Count == 0)
        {
            problems.Add($"{label}.frequency: immediate alerts need an email address or a webhook to go to");
        }

        return problems.Count > before ? null : new Subscription(entry.Id!, entry.Name ?? entry.Id!, entry.Entities ?? [], entry.MinScore ?? 0)
        {
            Kinds = kinds,
            Feeds = entry.Feeds ?? [],
            Categories = (entry.Categories ?? []).Select(c => NewsMonitor.Feeds.FeedCategory.Normalise(c!)).ToList(),
            Frequency = frequency,
            TimeZone = zone!,
            QuietHours = quiet,
            SendEmpty = entry.SendEmpty ?? false,
            IncludeBackfilled = entry.IncludeBackfilled ?? false,
            Email = entry.Email ?? [],
            Webhooks = webhooks,
            Spikes = spikes,
        };
    }

    private sealed record Document(List<Entry?>? Subscriptions);

    private sealed record Entry(
        string? Id,
        string? Name,
        List<string>? Entities,
        List<string>? Kinds,
        List<string>? Feeds,
        List<string?>? Categories,
        double? MinScore,
        string? Frequency,
        string? TimeZone,
        string? QuietHours,
        bool? SendEmpty,
        bool? IncludeBackfilled,
        List<string>? Email,
        List<WebhookEntry?>? Webhooks,
        JsonElement? Spikes);

    private sealed record WebhookEntry(string? Url, string? Format, bool? Signed);
}
