using System.Globalization;
using Azure.Data.Tables;

namespace NewsMonitor.Storage;

/// <summary>
/// Table <c>SeenArticleDays</c>: a row for every <see cref="SeenArticle"/> row, PK the UTC day it was first seen
/// (<c>yyyyMMdd</c>), RK its id. Retention reads the days that expired, where a filter on <c>FirstSeen</c> would read
/// every row the table keeps (450 days of every feed's items) each day.
/// </summary>
public static class SeenArticleDays
{
    /// <summary>The row saying every <c>SeenArticles</c> row written before this table existed has its day row; its key sorts after every day.</summary>
    public const string IndexedPartition = "~indexed";

    public const string IndexedRow = "SeenArticles";

    public static string PartitionFor(DateTimeOffset firstSeen) => firstSeen.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static TableEntity Row(string id, DateTimeOffset firstSeen) => new(PartitionFor(firstSeen), id);
}
