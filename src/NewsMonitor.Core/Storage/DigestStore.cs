using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;

namespace NewsMonitor.Storage;

/// <summary>Stores rendered digests under <c>digests/{subscription}/{yyyy-MM-ddTHHmm}.html|.txt</c> and their <see cref="DigestState"/>.</summary>
public sealed class DigestStore(MonitorStorage storage)
{
    /// <param name="legacyChannel">
    /// The row key this channel had before channels were keyed by URL hash (<c>webhook-{position}</c>): a state found only
    /// there is moved to <paramref name="channel"/>, so upgrading does not reset a webhook's watermark and resend a day.
    /// </param>
    public async Task<DigestState> GetStateAsync(string subscriptionId, string channel, string? legacyChannel = null, CancellationToken cancellationToken = default)
    {
        var response = await storage.DigestState.GetEntityIfExistsAsync<DigestState>(subscriptionId, channel, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (response.HasValue)
        {
            return response.Value!;
        }

        if (legacyChannel is not null
            && await storage.DigestState.GetEntityIfExistsAsync<DigestState>(subscriptionId, legacyChannel, cancellationToken: cancellationToken).ConfigureAwait(false) is { HasValue: true } legacy)
        {
            var moved = legacy.Value!;
            moved.RowKey = channel;
            moved.ETag = default;
            await storage.DigestState.UpsertEntityAsync(moved, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            await storage.DigestState.DeleteEntityAsync(subscriptionId, legacyChannel, cancellationToken: cancellationToken).ConfigureAwait(false);
            return moved;
        }

        return new DigestState { PartitionKey = subscriptionId, RowKey = channel };
    }

    public Task SaveStateAsync(DigestState state, CancellationToken cancellationToken = default)
        => storage.DigestState.UpsertEntityAsync(state, TableUpdateMode.Replace, cancellationToken);

    /// <returns>The blob path of the HTML part (without container).</returns>
    public async Task<string> SaveDigestAsync(string subscriptionId, DateTimeOffset at, string html, string text, CancellationToken cancellationToken = default)
    {
        var stem = $"{subscriptionId}/{at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}";
        await UploadAsync($"{stem}.html", html, "text/html; charset=utf-8", cancellationToken).ConfigureAwait(false);
        await UploadAsync($"{stem}.txt", text, "text/plain; charset=utf-8", cancellationToken).ConfigureAwait(false);
        return $"{stem}.html";
    }

    /// <summary>When the digest at a blob path of <see cref="SaveDigestAsync"/> was built; false for any other name.</summary>
    public static bool TryParseBuiltAt(string path, out DateTimeOffset builtAt)
    {
        builtAt = default;
        var slash = path.LastIndexOf('/');
        var dot = path.LastIndexOf('.');
        if (slash <= 0 || dot <= slash
            || !DateTime.TryParseExact(path.AsSpan(slash + 1, dot - slash - 1), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            return false;
        }

        builtAt = new DateTimeOffset(time, TimeSpan.Zero);
        return true;
    }

    private const string TimeFormat = "yyyy-MM-dd'T'HHmm";

    private Task<Azure.Response<BlobContentInfo>> UploadAsync(string path, string content, string contentType, CancellationToken cancellationToken)
        => storage.Digests.GetBlobClient(path).UploadAsync(
            new BinaryData(Encoding.UTF8.GetBytes(content)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
            cancellationToken);
}
