using System.ComponentModel.DataAnnotations;

namespace NewsMonitor.Lifecycle;

/// <summary>
/// How long stored data is kept (<c>Monitor__Retention__*</c>, e.g. "450" for 450 days or "30.00:00:00"). The archive
/// keeps its own, older setting, <c>Monitor__ArchiveRetention</c>; <see cref="RetentionWindows"/> holds the windows in
/// the order that keeps them consistent: SeenArticles ≥ Matches ≥ archive.
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Monitor:Retention";

    /// <summary>
    /// How long an article's <c>SeenArticles</c> row is kept after the UTC day it was first seen (rows go by whole days).
    /// An item a feed still serves after its row is gone is new again, so this outlasts how long feeds keep serving an
    /// item (docs/storage.md: 427 days at most in the feed corpus).
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "Monitor:Retention:SeenArticles must be from one day to 3650 days")]
    public TimeSpan SeenArticles { get; set; } = TimeSpan.FromDays(450);

    /// <summary>
    /// How long a matched article is kept: its <c>MatchIndex</c> rows, its blob in <c>matches</c>, its reviews and its
    /// entities' hourly volume rows. Whole UTC days: a day goes once all of it is older than this.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "Monitor:Retention:Matches must be from one day to 3650 days")]
    public TimeSpan Matches { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How long a built digest (<c>digests/{subscription}/…</c>) is kept.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "Monitor:Retention:Digests must be from one day to 3650 days")]
    public TimeSpan Digests { get; set; } = TimeSpan.FromDays(180);
}
