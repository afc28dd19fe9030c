using System.Globalization;

namespace NewsMonitor.Archive;

/// <summary>
/// The unit the archive is read and fanned out by: the articles discovered in one UTC hour whose id falls in one shard.
/// A closed block is one blob, <c>hours/yyyy/MM/dd/HH/sN.jsonl.gz</c>; articles not compacted yet are one blob each
/// under <c>pending/yyyy/MM/dd/HH/sN/</c>.
/// </summary>
public readonly record struct ArchiveBlock(DateTimeOffset Hour, int Shard)
{
    /// <summary>Shards per hour: enough for a busy hour to be read by several workers, few enough to keep blocks large.</summary>
    public const int ShardCount = 4;

    public const string HoursPrefix = "hours/";

    public const string PendingPrefix = "pending/";

    /// <summary>The block an article belongs to, fixed by its id and discovery time so every redelivery lands in the same one.</summary>
    public static ArchiveBlock For(string articleId, DateTimeOffset discoveredAt)
        => new(HourOf(discoveredAt), Convert.ToInt32(articleId[..2], 16) % ShardCount);

    public static DateTimeOffset HourOf(DateTimeOffset moment)
    {
        var utc = moment.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    public DateTimeOffset End => Hour.AddHours(1);

    /// <summary>The block's name in messages, progress rows and paths: <c>yyyy/MM/dd/HH/sN</c>.</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"{Hour.UtcDateTime:yyyy'/'MM'/'dd'/'HH}/s{Shard}");

    public string CompactedPath => $"{HoursPrefix}{Name}.jsonl.gz";

    public string PendingFolder => $"{PendingPrefix}{Name}/";

    public string PendingPath(string articleId) => $"{PendingFolder}{articleId}.json.gz";

    public override string ToString() => Name;

    /// <summary>Newest first, then by shard: the order searches and backfills read blocks in.</summary>
    public static IComparer<ArchiveBlock> NewestFirst { get; } = Comparer<ArchiveBlock>.Create((a, b) => a.Hour != b.Hour ? b.Hour.CompareTo(a.Hour) : a.Shard.CompareTo(b.Shard));

    /// <exception cref="FormatException">The name is not <c>yyyy/MM/dd/HH/sN</c> with N below <see cref="ShardCount"/>.</exception>
    public static ArchiveBlock Parse(string name)
        => TryParse(name, out var block) ? block : throw new FormatException($"\"{name}\" is not an archive block name (yyyy/MM/dd/HH/sN, N from 0 to {ShardCount - 1})");

    public static bool TryParse(string name, out ArchiveBlock block)
    {
        block = default;
        if (name.Length != 16 || name[13] != '/' || name[14] != 's'
            || !DateTime.TryParseExact(name[..13], "yyyy'/'MM'/'dd'/'HH", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var hour)
            || !int.TryParse(name.AsSpan(15), NumberStyles.None, CultureInfo.InvariantCulture, out var shard) || shard >= ShardCount)
        {
            return false;
        }

        block = new ArchiveBlock(new DateTimeOffset(hour, TimeSpan.Zero), shard);
        return true;
    }

    /// <summary>The block of a blob path under <see cref="HoursPrefix"/> or <see cref="PendingPrefix"/>, if it is one.</summary>
    public static bool TryParsePath(string path, out ArchiveBlock block)
    {
        block = default;
        if (path.StartsWith(HoursPrefix, StringComparison.Ordinal) && path.EndsWith(".jsonl.gz", StringComparison.Ordinal))
        {
            return TryParse(path[HoursPrefix.Length..^".jsonl.gz".Length], out block);
        }

        return path.StartsWith(PendingPrefix, StringComparison.Ordinal) && path.Length > PendingPrefix.Length + 17
            && TryParse(path.Substring(PendingPrefix.Length, 16), out block);
    }
}
