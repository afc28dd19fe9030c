using Azure.Data.Tables;
using NewsMonitor.Storage;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// Feed states are spread over partitions by their feed id's hash, and the rows earlier versions kept in the one
/// partition <c>feed</c> are read until their feed is next saved, which moves them.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class FeedStateStoreTests(LocalEnvironment environment)
{
    [Fact]
    public async Task ALegacyRowIsReadAndMovedToItsFeedsPartitionWhenSaved()
    {
        var (storage, store) = await DeployAsync();
        await storage.FeedState.AddEntityAsync(new FeedState { PartitionKey = FeedState.LegacyPartition, RowKey = "wire", Url = "https://wire.example/rss", ConsecutiveFailures = 2 });

        var read = await store.GetAsync("wire");
        var all = await store.GetAllAsync();
        read!.ConsecutiveFailures = 3;
        await store.SaveAsync(read);

        Assert.Equal((2, "https://wire.example/rss"), (all["wire"].ConsecutiveFailures, all["wire"].Url));
        Assert.Equal([$"{FeedState.PartitionFor("wire")}/wire"], await KeysAsync(storage));
        Assert.Equal(3, (await store.GetAsync("wire"))!.ConsecutiveFailures);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task AFeedsOwnRowWinsOverALegacyRowNotYetDeletedWhicheverIsReadFirst()
    {
        var (storage, store) = await DeployAsync();

        // "feed" sorts between the partitions "fe" and "ff": one feed whose row is read before the legacy row, one after.
        var before = Enumerable.Range(0, 1000).Select(i => $"before-{i}").First(id => string.CompareOrdinal(FeedState.PartitionFor(id), FeedState.LegacyPartition) < 0);
        var after = Enumerable.Range(0, 5000).Select(i => $"after-{i}").First(id => FeedState.PartitionFor(id) == "ff");
        foreach (var id in new[] { before, after })
        {
            await storage.FeedState.AddEntityAsync(new FeedState { PartitionKey = FeedState.LegacyPartition, RowKey = id, ConsecutiveFailures = 1 });
            await storage.FeedState.AddEntityAsync(new FeedState { PartitionKey = FeedState.PartitionFor(id), RowKey = id, ConsecutiveFailures = 7 });
        }

        var all = await store.GetAllAsync();

        Assert.Equal((7, 7), (all[before].ConsecutiveFailures, all[after].ConsecutiveFailures));
        Assert.Equal(7, (await store.GetAsync(after))!.ConsecutiveFailures);
    }

    [Fact]
    public async Task NewStatesAreSpreadOverPartitionsAndNoneGoesToTheLegacyOne()
    {
        var (storage, store) = await DeployAsync();

        foreach (var id in Enumerable.Range(0, 40).Select(i => $"feed-{i}"))
        {
            await store.SaveAsync(new FeedState { RowKey = id, Url = $"https://{id}.example/rss" });
        }

        var partitions = (await KeysAsync(storage)).Select(key => key.Split('/')[0]).Distinct().ToList();
        Assert.True(partitions.Count > 20, $"40 feeds in {partitions.Count} partitions");
        Assert.DoesNotContain(FeedState.LegacyPartition, partitions);
        Assert.Equal(40, (await store.GetAllAsync()).Count);
    }

    private async Task<(MonitorStorage Storage, FeedStateStore Store)> DeployAsync()
    {
        var deployment = environment.NewDeployment();
        await deployment.Storage.EnsureCreatedAsync();
        return (deployment.Storage, new FeedStateStore(deployment.Storage));
    }

    private static async Task<List<string>> KeysAsync(MonitorStorage storage)
    {
        var keys = new List<string>();
        await foreach (var row in storage.FeedState.QueryAsync<TableEntity>())
        {
            keys.Add($"{row.PartitionKey}/{row.RowKey}");
        }

        return keys;
    }
}
