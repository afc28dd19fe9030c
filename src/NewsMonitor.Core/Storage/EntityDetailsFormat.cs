using System.Globalization;

namespace NewsMonitor.Storage;

/// <summary>
/// The one writer and reader of <see cref="MatchIndexRow.EntityDetails"/>: every matched entity of an article as
/// <c>id|kind|count|score</c>, <c>;</c>-separated, so any listing shows them all without reading the blob.
/// </summary>
public static class EntityDetailsFormat
{
    public static string Write(IEnumerable<MatchedEntity> entities)
        => string.Join(';', entities.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Id}|{e.Kind}|{e.Count}|{e.Score}")));

    /// <summary>The entities listed, strongest first; an entry that does not read as <c>id|kind|count|score</c> is left out.</summary>
    public static IReadOnlyList<MatchedEntity> Read(string? details) => (details ?? string.Empty)
        .Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(ReadOne)
        .OfType<MatchedEntity>()
        .OrderByDescending(e => e.Score)
        .ToList();

    /// <summary>The entity id an entry starts with, read without the rest, so an entry this code cannot read still has one.</summary>
    public static string IdOf(string entry)
    {
        var bar = entry.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? entry : entry[..bar];
    }

    private static MatchedEntity? ReadOne(string entry)
        => entry.Split('|') is [var id, var kind, var count, var score]
            && int.TryParse(count, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedCount)
            && double.TryParse(score, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsedScore)
                ? new MatchedEntity(id, kind, parsedCount, parsedScore)
                : null;
}
