using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace NewsMonitor.IntegrationTests;

/// <summary>Every blob, table row and queue message of one deployment, with its ETag: two snapshots differ if anything was written.</summary>
internal static class StorageSnapshot
{
    public static async Task<List<string>> TakeAsync(string connectionString, string prefix)
    {
        var items = new List<string>();
        var blobs = new BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: prefix))
        {
            await foreach (var blob in blobs.GetBlobContainerClient(container.Name).GetBlobsAsync())
            {
                items.Add($"blob {container.Name}/{blob.Name} {blob.Properties.ETag}");
            }
        }

        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync())
        {
            if (!table.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                items.Add($"row {table.Name}/{row.PartitionKey}/{row.RowKey} {row.ETag}");
            }
        }

        var queues = new QueueServiceClient(connectionString);
        await foreach (var queue in queues.GetQueuesAsync(prefix: prefix))
        {
            var properties = await queues.GetQueueClient(queue.Name).GetPropertiesAsync();
            items.Add($"queue {queue.Name} {properties.Value.ApproximateMessagesCount}");
        }

        items.Sort(StringComparer.Ordinal);
        return items;
    }
}
