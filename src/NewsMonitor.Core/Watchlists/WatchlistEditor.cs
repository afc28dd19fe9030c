using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsMonitor.Configuration;
using NewsMonitor.Storage;

namespace NewsMonitor.Watchlists;

/// <summary>
/// Proposes, and on request applies, a watchlist exclusion (<see cref="WatchlistEdit"/>) where the pipeline reads the
/// watchlist: the file at <see cref="MonitorOptions.WatchlistPath"/>, or its blob in <see cref="MonitorOptions.ConfigContainer"/>
/// when that is set. <see cref="MonitorConfiguration"/> notices the new version by itself (a file at once, a blob within
/// <see cref="MonitorOptions.ConfigRefreshInterval"/>), so no restart is needed. A write happens only when the edit
/// validates and the watchlist is still the version the edit was made from — the blob's ETag, or the file's bytes just
/// before an atomic rename — so an edit made meanwhile is never overwritten: the change reports it and writes nothing.
/// </summary>
public sealed partial class WatchlistEditor(IOptions<MonitorOptions> options, MonitorStorage storage, MonitorConfiguration configuration, ILogger<WatchlistEditor> logger)
{
    public async Task<WatchlistChange> ExcludeAsync(WatchlistExclusion exclusion, bool apply, CancellationToken cancellationToken = default)
    {
        var (content, source, etag) = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return new WatchlistChange(exclusion.EntityId, string.Empty, string.Empty, string.Empty, [$"{source}: no watchlist there (upload the seeds with `monitor config push`)"], false);
        }

        var change = WatchlistEdit.Propose(content, source, exclusion);
        if (change.Problems.Count == 0 && exclusion.FeedId is { } feedId && await IsUnknownFeedAsync(feedId, cancellationToken).ConfigureAwait(false))
        {
            change = change with { Problems = [$"feedId: \"{feedId}\" is not in the feed list"] };
        }

        if (!apply || change.Problems.Count > 0)
        {
            return change;
        }

        var written = await WriteAsync(content, Encoding.UTF8.GetBytes(change.After), etag, cancellationToken).ConfigureAwait(false);
        if (!written)
        {
            return change with { Problems = [$"{source}: changed since it was read; nothing was written, propose the change again"] };
        }

        LogApplied(source, change.Change);
        return change with { Applied = true };
    }

    private async Task<bool> IsUnknownFeedAsync(string feedId, CancellationToken cancellationToken)
    {
        try
        {
            return !(await configuration.GetFeedsAsync(cancellationToken).ConfigureAwait(false)).Any(feed => feed.Id == feedId);
        }
        catch (ConfigurationUnavailableException)
        {
            // No valid feed list to hold it against; the id's spelling was checked.
            return false;
        }
    }

    private bool InStorage => !string.IsNullOrEmpty(options.Value.ConfigContainer);

    private async Task<(byte[]? Content, string Source, ETag? ETag)> ReadAsync(CancellationToken cancellationToken)
    {
        if (!InStorage)
        {
            var path = Path.GetFullPath(options.Value.WatchlistPath);
            return (File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : null, path, null);
        }

        var blob = storage.ConfigBlob(options.Value.ConfigContainer, options.Value.WatchlistPath);
        var source = $"{blob.BlobContainerName}/{blob.Name}";
        try
        {
            var download = (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
            return (download.Content.ToArray(), source, download.Details.ETag);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return (null, source, null);
        }
    }

    private async Task<bool> WriteAsync(byte[] before, byte[] after, ETag? etag, CancellationToken cancellationToken)
    {
        if (InStorage)
        {
            var blob = storage.ConfigBlob(options.Value.ConfigContainer, options.Value.WatchlistPath);
            try
            {
                await blob.UploadAsync(
                    new BinaryData(after),
                    new BlobUploadOptions
                    {
                        HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                        Conditions = new BlobRequestConditions { IfMatch = etag },
                    },
                    cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                return false;
            }
        }

        var path = Path.GetFullPath(options.Value.WatchlistPath);
        if (!(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)).AsSpan().SequenceEqual(before))
        {
            return false;
        }

        // Written beside it and renamed over it, so a reader sees the old file or the new one, never half of one.
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(temporary, after, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watchlist {Source} edited: {Change}")]
    private partial void LogApplied(string source, string change);
}
