using System.IO.Compression;
using System.Text.Json;

namespace NewsMonitor.Archive;

/// <summary>
/// The bytes of an archive blob: gzip-compressed JSON lines, one <see cref="ArchivedArticle"/> per line. A block of an
/// hour compresses as one stream, so the words its articles share are stored once.
/// </summary>
public static class ArchiveBlockFormat
{
    public static byte[] Write(IEnumerable<ArchivedArticle> articles)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            foreach (var article in articles)
            {
                JsonSerializer.Serialize(gzip, article, JsonDefaults.Options);
                gzip.WriteByte((byte)'\n');
            }
        }

        return buffer.ToArray();
    }

    /// <exception cref="InvalidDataException">The bytes are not gzip, or a line is not an archived article.</exception>
    public static List<ArchivedArticle> Read(Stream compressed, string blobName)
    {
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip);
        var articles = new List<ArchivedArticle>();
        var lineNumber = 0;
        while (ReadLine(reader, blobName) is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                articles.Add(JsonSerializer.Deserialize<ArchivedArticle>(line, JsonDefaults.Options)
                    ?? throw new JsonException("the line is null"));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"archive blob {blobName}, line {lineNumber}: not an archived article ({ex.Message})", ex);
            }
        }

        return articles;
    }

    private static string? ReadLine(StreamReader reader, string blobName)
    {
        try
        {
            return reader.ReadLine();
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"archive blob {blobName}: not gzip-compressed JSON lines ({ex.Message})", ex);
        }
    }
}
