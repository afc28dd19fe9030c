namespace NewsMonitor.Archive;

/// <summary>The articles of one block, newest first, and what reading them cost.</summary>
/// <param name="CompressedBytes">Bytes downloaded from storage.</param>
/// <param name="Reads">Blobs downloaded: one for a compacted block, one more per article not compacted yet.</param>
public sealed record ArchiveBlockContent(ArchiveBlock Block, IReadOnlyList<ArchivedArticle> Articles, long CompressedBytes, int Reads)
{
    /// <summary>Characters of headline and text: what a scan of the block reads.</summary>
    public long TextLength => Articles.Sum(a => (long)a.Title.Length + a.Text.Length);
}
