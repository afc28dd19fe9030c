using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsMonitor.Storage;

namespace NewsMonitor.Lifecycle;

/// <summary>What one retention pass deleted.</summary>
public sealed record RetentionOutcome(int SeenArticles, ExpiredMatches Matches)
{
    public static RetentionOutcome None { get; } = new(0, new ExpiredMatches(0, 0, 0, 0));
}

/// <summary>
/// Applies the retention windows of <see cref="RetentionOptions"/>. The tables (timer <c>ApplyRetention</c>, in Azure
/// and in <c>monitor run</c>): <c>SeenArticles</c> rows past their window, and whole days of matches — index rows,
/// hourly volumes and reviews. The blobs are deleted by the storage account's lifecycle rules in Azure
/// (<c>infra/app/storage.bicep</c>), which Azurite does not have: <c>monitor run</c> calls <see cref="ApplyToBlobsAsync"/>.
/// </summary>
public sealed partial class DataRetention(ExpiredData expired, SingletonLock singleton, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<DataRetention> logger)
{
    /// <summary>NCRONTAB (with seconds) of the retention timer: daily at 03:40 UTC, clear of digests and compaction.</summary>
    public const string Schedule = "0 40 3 * * *";

    /// <summary>Deletes the table rows past their windows; one process at a time, and nothing when another holds the lock.</summary>
    public async Task<RetentionOutcome> ApplyToTablesAsync(CancellationToken cancellationToken = default)
    {
        await using var held = await singleton.TryAcquireAsync(nameof(DataRetention), cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            return RetentionOutcome.None;
        }

        var now = clock.GetUtcNow();
        var seen = await expired.DeleteSeenBeforeAsync(now - options.Value.SeenArticles, cancellationToken).ConfigureAwait(false);
        var matches = await expired.DeleteMatchDaysBeforeAsync(now - options.Value.Matches, cancellationToken).ConfigureAwait(false);
        LogTables(seen, matches.Days, matches.IndexRows, matches.VolumeRows, matches.ReviewRows);
        return new RetentionOutcome(seen, matches);
    }

    /// <summary>Deletes the stored articles and digests past their windows, as the lifecycle rules do in Azure.</summary>
    /// <returns>The blobs deleted.</returns>
    public async Task<int> ApplyToBlobsAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var matches = await expired.DeleteMatchBlobsBeforeAsync(now - options.Value.Matches, cancellationToken).ConfigureAwait(false);
        var digests = await expired.DeleteDigestsBeforeAsync(now - options.Value.Digests, cancellationToken).ConfigureAwait(false);
        LogBlobs(matches, digests);
        return matches + digests;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Seen} SeenArticles rows, {Days} days of matches ({IndexRows} index rows, {VolumeRows} volume rows, {ReviewRows} review rows) deleted")]
    private partial void LogTables(int seen, int days, int indexRows, int volumeRows, int reviewRows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Matches} stored articles and {Digests} digest blobs deleted")]
    private partial void LogBlobs(int matches, int digests);
}
