namespace NewsMonitor.Delivery.Channels;

/// <summary>
/// Channel outcomes added up for a person to read: "sent: 1 email to 2 recipients, 1 Slack webhook; 0 failed", or
/// "nothing was due" when there were none. Thread-safe: queue workers add to one tally at once.
/// </summary>
public sealed class DeliveryTally
{
    private readonly Lock gate = new();
    private readonly List<ChannelOutcome> outcomes = [];

    public void Add(IEnumerable<ChannelOutcome> channels)
    {
        lock (gate)
        {
            outcomes.AddRange(channels);
        }
    }

    public override string ToString()
    {
        List<ChannelOutcome> all;
        lock (gate)
        {
            all = [.. outcomes];
        }

        if (all.Count == 0)
        {
            return "nothing was due";
        }

        var sent = all.Where(o => o.Status == DeliveryStatus.Sent).Select(o => o.Channel).ToList();
        var parts = new List<string>();
        var emails = sent.OfType<EmailChannel>().ToList();
        if (emails.Count > 0)
        {
            var recipients = emails.Sum(e => e.Addresses.Count);
            parts.Add($"{Count(emails.Count, "email")} to {Count(recipients, "recipient")}");
        }

        parts.AddRange(sent.OfType<WebhookChannel>().GroupBy(w => w.Describe()).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Count(g.Count(), g.Key)));
        var text = $"sent: {(parts.Count == 0 ? "nothing" : string.Join(", ", parts))}; {all.Count(o => o.Status == DeliveryStatus.Failed)} failed";
        if (sent.OfType<StoreChannel>().Count() is var stored and > 0)
        {
            text += $"; {stored} stored only (no channel)";
        }

        if (all.Count(o => o.Status == DeliveryStatus.AlreadyDelivered) is var already and > 0)
        {
            text += $"; {already} already delivered";
        }

        if (all.Count(o => o.Status == DeliveryStatus.InProgress) is var busy and > 0)
        {
            text += $"; {busy} being sent by another attempt";
        }

        return text;
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";
}
