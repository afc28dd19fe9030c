using System.Globalization;
using NewsMonitor.Delivery.Digests;

namespace NewsMonitor.Delivery.Channels;

/// <summary>A digest as our own JSON: feed text kept exactly as it came, for a program to read; the serializer escapes it.</summary>
internal static class JsonPayload
{
    public static object Build(Digest digest, string text) => new
    {
        subscription = digest.SubscriptionId,
        name = digest.SubscriptionName,
        from = digest.From,
        to = digest.To,
        timeZone = digest.TimeZone.Id,
        count = digest.ItemCount,
        sections = digest.Sections.Select(s => new { entityId = s.EntityId, entity = s.EntityName, items = s.Items }),
        text,
        sentAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
    };
}
