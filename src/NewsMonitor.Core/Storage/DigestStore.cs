using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;

namespace NewsMonitor.Storage;

/// <summary>Stores rendered digests under <c>digests/{subscription}/{yyyy-MM-ddTHHmm}.html|.txt</c> and their <see cref="DigestState"/>.</summary>
public sealed class DigestStore(MonitorStorage storage)
{
    public async Task<DigestState> GetStateAsync(string subscriptionId, string channel, CancellationToken cancellationToken = default)
    {
        var response = await storage.DigestState.GetEntityIfExistsAsync<DigestState>(subscriptionId, channel, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value! : new DigestState { PartitionKey = subscriptionId, RowKey = channel };
    }

    public Task SaveStateAsync(DigestState state, CancellationToken cancellationToken = default)
        => storage.DigestState.UpsertEntityAsync(state, TableUpdateMode.Replace, cancellationToken);

    /// <returns>The blob path of the HTML part (without container).</returns>
    public async Task<string> SaveDigestAsync(string subscriptionId, DateTimeOffset at, string html, string text, CancellationToken cancellationToken = default)
    {
        var stem = $"{subscriptionId}/{at.UtcDateTime.ToString("yyyy-MM-dd'T'HHmm", CultureInfo.InvariantCulture)}";
        await UploadAsync($"{stem}.html", html, "text/html; charset=utf-8", cancellationToken).ConfigureAwait(false);
        await UploadAsync($"{stem}.txt", text, "text/plain; charset=utf-8", cancellationToken).ConfigureAwait(false);
        return $"{stem}.html";
    }

    private Task<Azure.Response<BlobContentInfo>> UploadAsync(string path, string content, string contentType, CancellationToken cancellationToken)
        => storage.Digests.GetBlobClient(path).UploadAsync(
            new BinaryData(Encoding.UTF8.GetBytes(content)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
            cancellationToken);
}
