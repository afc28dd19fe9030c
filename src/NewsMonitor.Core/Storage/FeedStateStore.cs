using Azure;

namespace NewsMonitor.Storage;

/// <summary>Reads and writes <see cref="FeedState"/> rows.</summary>
public sealed class FeedStateStore(MonitorStorage storage)
{
    public async Task<FeedState?> GetAsync(string feedId, CancellationToken cancellationToken = default)
    {
        var response = await storage.FeedState.GetEntityIfExistsAsync<FeedState>(FeedState.Partition, feedId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    public async Task<Dictionary<string, FeedState>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        var states = new Dictionary<string, FeedState>(StringComparer.Ordinal);
        await foreach (var state in storage.FeedState.QueryAsync<FeedState>(s => s.PartitionKey == FeedState.Partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            states[state.RowKey] = state;
        }

        return states;
    }

    public Task SaveAsync(FeedState state, CancellationToken cancellationToken = default)
    {
        state.ETag = ETag.All;
        return storage.FeedState.UpsertEntityAsync(state, Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken);
    }
}
