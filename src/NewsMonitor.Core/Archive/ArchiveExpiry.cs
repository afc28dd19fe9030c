using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using NewsMonitor.Configuration;
using NewsMonitor.Storage;

namespace NewsMonitor.Archive;

/// <summary>
/// Deletes archive blobs whose hour ended more than <see cref="MonitorOptions.ArchiveRetention"/> ago. In Azure the
/// storage account's lifecycle policy applies the same window (<c>infra/app/storage.bicep</c>) to the blobs' last
/// write, which is their hour or at most <see cref="ArchiveCompactor.Grace"/> and a compaction interval after it;
/// <c>monitor run</c> runs this instead.
/// </summary>
public sealed class ArchiveExpiry(MonitorStorage storage, IOptions<MonitorOptions> options, TimeProvider clock)
{
    /// <returns>The blobs deleted.</returns>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow() - options.Value.ArchiveRetention;
        var deleted = 0;
        foreach (var prefix in new[] { ArchiveBlock.HoursPrefix, ArchiveBlock.PendingPrefix })
        {
            await foreach (var blob in storage.Archive.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
            {
                if (ArchiveBlock.TryParsePath(blob.Name, out var block) && block.End <= cutoff
                    && await storage.Archive.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    deleted++;
                }
            }
        }

        return deleted;
    }
}
