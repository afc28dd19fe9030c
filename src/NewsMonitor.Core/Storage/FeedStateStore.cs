using Azure;
using Azure.Data.Tables;

namespace NewsMonitor.Storage;

/// <summary>
/// Reads and writes <see cref="FeedState"/> rows. A row an earlier version wrote under <see cref="FeedState.LegacyPartition"/>
/// is read where its feed has no row of its own yet, and moved when it is next saved: no migration step to run.
/// </summary>
public sealed class FeedStateStore(MonitorStorage storage)
{
    public async Task<FeedState?> GetAsync(string feedId, CancellationToken cancellationToken = default)
    {
        var response = await storage.FeedState.GetEntityIfExistsAsync<FeedState>(FeedState.PartitionFor(feedId), feedId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (response.HasValue)
        {
            return response.Value;
        }

        var legacy = await storage.FeedState.GetEntityIfExistsAsync<FeedState>(FeedState.LegacyPartition, feedId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return legacy.HasValue ? legacy.Value : null;
    }

    public async Task<Dictionary<string, FeedState>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        var states = new Dictionary<string, FeedState>(StringComparer.Ordinal);
        await foreach (var state in storage.FeedState.QueryAsync<FeedState>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // A feed saved since its legacy row was read has both until the legacy row's delete lands: its own row wins.
            if (state.PartitionKey != FeedState.LegacyPartition || !states.ContainsKey(state.RowKey))
            {
                states[state.RowKey] = state;
            }
        }

        return states;
    }

    /// <summary>Saves the state under its feed's partition, and then deletes the legacy row it was read from, if it was.</summary>
    public async Task SaveAsync(FeedState state, CancellationToken cancellationToken = default)
    {
        var readFrom = state.PartitionKey;
        state.PartitionKey = FeedState.PartitionFor(state.RowKey);
        state.ETag = ETag.All;
        await storage.FeedState.UpsertEntityAsync(state, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        if (readFrom == FeedState.LegacyPartition)
        {
            await storage.FeedState.DeleteEntityAsync(FeedState.LegacyPartition, state.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }
}
