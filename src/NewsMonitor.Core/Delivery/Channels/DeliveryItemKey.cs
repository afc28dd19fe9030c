using System.Globalization;
using NewsMonitor.Delivery.Digests;

namespace NewsMonitor.Delivery.Channels;

/// <summary>
/// The keys items are recorded under in the delivery ledger, one place for their spelling: the same item must get the
/// same key on every retry, or it would be sent again.
/// </summary>
public static class DeliveryItemKey
{
    /// <summary>An immediate alert for one article: <c>alert:{articleId}</c>.</summary>
    public static string Alert(string articleId) => $"alert:{articleId}";

    /// <summary>A scheduled digest, by the occurrence it was due at: <c>digest:{yyyyMMddTHHmm}</c> (UTC).</summary>
    public static string Digest(DateTimeOffset due) => "digest:" + due.UtcDateTime.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture);

    /// <summary>A digest sent on request (<c>monitor digest --send</c>): <c>digest:send-{yyyyMMddTHHmmss}</c> (UTC), never a scheduled one's key.</summary>
    public static string DigestOnRequest(DateTimeOffset now) => "digest:send-" + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>A spike alert, once per episode: <c>spike:{entityId}:{yyyyMMddTHH}</c>, the episode's first UTC hour.</summary>
    public static string Spike(string entityId, DateTimeOffset episodeStart) => $"spike:{entityId}:" + episodeStart.UtcDateTime.ToString("yyyyMMdd'T'HH", CultureInfo.InvariantCulture);

    /// <summary>Whether a key can be stored: 1-200 characters, none that a table row key forbids (<c>/ \ # ?</c>, control characters) and no <c>|</c>, which separates it from the channel.</summary>
    public static bool IsValid(string itemKey)
        => itemKey.Length is > 0 and <= 200 && !itemKey.Any(c => c is '/' or '\\' or '#' or '?' or '|' || char.IsControl(c));
}
